namespace ProfileHub.Storage; internal static class Placeholder { }
