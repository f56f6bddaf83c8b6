using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Execution;

public class ResolveContextTests
{
    private enum Tier
    {
        Gold,
        Silver,
    }

    [Fact]
    public async Task Arguments_convert_to_the_clr_types_resolvers_ask_for()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("f", "String", f => f
                .Argument("ids", "[ID!]")
                .Argument("n", "Int")
                .Argument("tier", "Tier")
                .Resolve(ctx =>
                {
                    var ids = ctx.Argument<string[]>("ids");
                    var list = ctx.Argument<List<string>>("ids");
                    var big = ctx.Argument<long>("n");
                    var tier = ctx.Argument<Tier>("tier");
                    var missing = ctx.Argument<int?>("absent");
                    return $"{string.Join('+', ids)} {list.Count} {big} {tier} {missing is null}";
                })))
            .Enum<Tier>("Tier")
            .Build();
        Assert.Equal(Q("{'data':{'f':'a+b 2 5 Silver True'}}"), await Json(schema, "{ f(ids: [\"a\", \"b\"], n: 5, tier: SILVER) }"));
    }

    [Fact]
    public async Task A_resolver_inside_a_list_sees_its_path_with_aliases_and_item_indexes()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("rows", "[Row!]!", f => f.Resolve(_ => new List<int> { 1, 2 })))
            .Object("Row", r => r
                .Field("cells", "[Cell]", f => f.Resolve(_ => new List<string> { "x" }))
                .Field("where", "String", f => f.Resolve(ctx => ctx.Path.ToString())))
            .Object("Cell", c => c.Field("where", "String", f => f.Resolve(ctx => ctx.Path.ToString())))
            .Build();

        var json = await Json(schema, "{ table: rows { where cells { at: where } } }");

        Assert.Equal(Q("{'data':{'table':[{'where':'table[0].where','cells':[{'at':'table[0].cells[0].at'}]},{'where':'table[1].where','cells':[{'at':'table[1].cells[0].at'}]}]}}"), json);
    }
}
