using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.Bench.GraphQL;

/// <summary>100 customers with 5 touchpoints each; mirrored field for field by bench/graphql-js/throughput.mjs.</summary>
internal static class ThroughputSchema
{
    public sealed record Touchpoint(string Id, string Channel, int Score, bool Online);

    public sealed record Customer(string Id, string Name, string Email, int Age, IReadOnlyList<Touchpoint> Touchpoints);

    private static readonly List<Customer> Customers = Enumerable.Range(0, 100).Select(i => new Customer(
        "c" + i, "Customer " + i, $"customer{i}@example.com", 20 + (i % 50),
        Enumerable.Range(0, 5).Select(j => new Touchpoint($"t{i}-{j}", j % 2 == 0 ? "EMAIL" : "WEB", j * 10, j % 2 == 1)).ToList())).ToList();

    public static (string Name, string Query)[] Queries { get; } =
    [
        ("one customer by id", "{ customer(id: \"c1\") { id name email } }"),
        ("100 customers x 5 touchpoints", "{ customers { id name email age touchpoints { id channel score online } } }"),
    ];

    public static GraphQLExecutor Executor() => new(new SchemaBuilder()
        .Object("Query", q => q
            .Field("customers", "[Customer!]!", f => f.Resolve(_ => Customers))
            .Field("customer", "Customer", f => f.Argument("id", "ID!").Resolve(ctx => Customers.Find(c => c.Id == ctx.Argument<string>("id")))))
        .Object("Customer", c => c.Field("id", "ID!").Field("name", "String").Field("email", "String").Field("age", "Int").Field("touchpoints", "[Touchpoint!]!"))
        .Object("Touchpoint", t => t.Field("id", "ID!").Field("channel", "String").Field("score", "Int").Field("online", "Boolean"))
        .Build(), new ExecutionOptions { MaxDepth = null, Timeout = null });
}
