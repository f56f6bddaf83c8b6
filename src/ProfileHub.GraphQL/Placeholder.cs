namespace ProfileHub.GraphQL; internal static class Placeholder { }
