using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Relay;

public class ConnectionsTests
{
    [Fact]
    public async Task Forward_paging_returns_edges_nodes_page_info_and_total_count()
    {
        var json = await Json(PeopleSchema.Build(), "{ people(first: 2) { totalCount nodes { name } edges { cursor node { age } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }");
        Assert.Equal(Q("{'data':{'people':{'totalCount':4,'nodes':[{'name':'ada'},{'name':'alan'}],'edges':[{'cursor':'Y3Vyc29yOjA=','node':{'age':36}},{'cursor':'Y3Vyc29yOjE=','node':{'age':41}}],'pageInfo':{'hasNextPage':true,'hasPreviousPage':false,'startCursor':'Y3Vyc29yOjA=','endCursor':'Y3Vyc29yOjE='}}}}"), json);
    }

    [Fact]
    public async Task After_a_cursor_continues_and_last_pages_backwards()
    {
        var after = await Json(PeopleSchema.Build(), "{ people(first: 5, after: \"Y3Vyc29yOjE=\") { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }");
        Assert.Equal(Q("{'data':{'people':{'nodes':[{'name':'grace'},{'name':'linus'}],'pageInfo':{'hasNextPage':false,'hasPreviousPage':true}}}}"), after);
        var last = await Json(PeopleSchema.Build(), "{ people(last: 1) { nodes { name } pageInfo { hasPreviousPage } } }");
        Assert.Equal(Q("{'data':{'people':{'nodes':[{'name':'linus'}],'pageInfo':{'hasPreviousPage':true}}}}"), last);
    }

    [Fact]
    public async Task A_bad_cursor_is_a_field_error_with_a_clear_message()
    {
        var result = await Result(PeopleSchema.Build(), "{ people(after: \"nonsense\") { totalCount } }");
        Assert.Equal("The cursor \"nonsense\" is not valid.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_sliced_page_counts_its_total_only_when_the_query_selects_it()
    {
        var counted = 0;
        var schema = new SchemaBuilder()
            .Object("Query", q => q.ConnectionField("numbers", "Number", f => f.Resolve(_ => Connection.FromSlice<int>(
                [1, 2], n => n.ToString(System.Globalization.CultureInfo.InvariantCulture), hasNextPage: true, hasPreviousPage: false,
                countTotal: _ =>
                {
                    counted++;
                    return Task.FromResult(42);
                }))))
            .Object<int>("Number", n => n.Field("value", "Int!", f => f.From<int>(i => i)))
            .Connection("Number")
            .Build();

        Assert.Equal(Q("{'data':{'numbers':{'nodes':[{'value':1},{'value':2}]}}}"), await Json(schema, "{ numbers { nodes { value } } }"));
        Assert.Equal(0, counted);
        Assert.Equal(Q("{'data':{'numbers':{'totalCount':42}}}"), await Json(schema, "{ numbers { totalCount } }"));
        Assert.Equal(1, counted);
    }
}
