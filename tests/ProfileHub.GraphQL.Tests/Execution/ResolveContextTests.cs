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
}
