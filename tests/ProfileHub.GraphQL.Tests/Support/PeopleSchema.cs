using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>A paged, filterable and sortable list of people; the resolver records the parsed where/order.</summary>
internal static class PeopleSchema
{
    public sealed record Person(string Name, int Age);

    private static readonly Person[] People = [new("ada", 36), new("alan", 41), new("grace", 85), new("linus", 28)];

    public static Schema Build(List<FilterExpression?>? filters = null, List<IReadOnlyList<SortField>>? orders = null) => new SchemaBuilder()
        .Object("Query", q => q.ConnectionField("people", "Person", f => f
            .Argument("where", "PersonFilterInput")
            .Argument("order", "[PersonSortInput!]")
            .Resolve(ctx =>
            {
                filters?.Add(ctx.Where());
                orders?.Add(ctx.Order());
                return Connection.Create(People, ConnectionArguments.From(ctx));
            })))
        .Object<Person>("Person", p => p.Field("name", "String!").Field("age", "Int!"))
        .Connection("Person")
        .FilterInput("Person", f => f.Text("name").Comparable("age", "Int"))
        .SortInput("Person", "name", "age")
        .Build();
}
