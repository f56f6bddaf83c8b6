using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>The smallest schema for the depth and cost tests: a leaf, a field nesting without end, and a sliced list.</summary>
internal static class LimitsSchema
{
    public static Schema Instance { get; } = new SchemaBuilder()
        .Object("Query", q => q
            .Field("hello", "String", f => f.Resolve(_ => "hi"))
            .Field("self", "Query", f => f.Resolve(_ => new object()))
            .Field("items", "[Query]", f => f.Argument("first", "Int").Cost(1, "first").Resolve(_ => new[] { new object() })))
        .Build();
}
