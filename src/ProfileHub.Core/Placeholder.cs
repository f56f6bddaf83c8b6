namespace ProfileHub.Core; internal static class Placeholder { }
