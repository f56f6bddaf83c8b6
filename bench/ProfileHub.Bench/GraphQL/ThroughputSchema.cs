using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.Bench.GraphQL;

/// <summary>
/// 100 customers with 5 touchpoints each; mirrored field for field by bench/graphql-js/schema.mjs (used by its
/// in-process throughput.mjs and its HTTP server.mjs).
/// </summary>
internal static class ThroughputSchema
{
    public sealed record Touchpoint(string Id, string Channel, int Score, bool Online);

    public sealed record Customer(string Id, string Name, string Email, int Age, string City, IReadOnlyList<Touchpoint> Touchpoints);

    private static readonly string[] Cities = ["Lyon", "Porto", "Leeds", "Graz", "Turku"];

    private static readonly List<Customer> Customers = Enumerable.Range(0, 100).Select(i => new Customer(
        "c" + i, "Customer " + i, $"customer{i}@example.com", 20 + (i % 50), Cities[i % Cities.Length],
        Enumerable.Range(0, 5).Select(j => new Touchpoint($"t{i}-{j}", j % 2 == 0 ? "EMAIL" : "WEB", j * 10, j % 2 == 1)).ToList())).ToList();

    /// <summary>Issue 4's two queries: one object with 5 fields, and 100 objects with a nested list each.</summary>
    public static (string Name, string Query)[] Queries { get; } =
    [
        ("small", "{ customer(id: \"c1\") { id name email age city } }"),
        ("list", "{ customers { id name email age touchpoints { id channel score online } } }"),
    ];

    public static Schema Schema { get; } = new SchemaBuilder()
        .Object("Query", q => q
            .Field("customers", "[Customer!]!", f => f.Resolve(_ => Customers))
            .Field("customer", "Customer", f => f.Argument("id", "ID!").Resolve(ctx => Customers.Find(c => c.Id == ctx.Argument<string>("id")))))
        .Object("Customer", c => c.Field("id", "ID!").Field("name", "String").Field("email", "String").Field("age", "Int").Field("city", "String").Field("touchpoints", "[Touchpoint!]!"))
        .Object("Touchpoint", t => t.Field("id", "ID!").Field("channel", "String").Field("score", "Int").Field("online", "Boolean"))
        .Build();

    public static GraphQLExecutor Executor() => new(Schema, new ExecutionOptions { MaxDepth = null, Timeout = null });
}
