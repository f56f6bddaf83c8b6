using System.Text.Json;
using System.Text.Json.Nodes;
using ProfileHub.GraphQL.Tests.Support;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Introspection;

public class IntrospectionTypesTests
{
    [Fact]
    public async Task Full_introspection_answers_exactly_as_graphql_js_does()
    {
        // The fixture is graphql-js 17.1.0's answer to getIntrospectionQuery (every option on) for the same schema.
        var expected = JsonNode.Parse(Fixtures.Read("rich-introspection.graphql-js.json"));
        var actual = JsonNode.Parse(await Json(RichSchema.Build(), Fixtures.Read("introspection-query.graphql")));
        Assert.True(JsonNode.DeepEquals(expected, actual), "introspection differs from graphql-js");
    }

    [Fact]
    public async Task Type_lookup_shows_deprecated_members_only_when_asked()
    {
        var json = await Json(RichSchema.Build(), """
            { __type(name: "Role") { kind specifiedByURL all: enumValues(includeDeprecated: true) { name isDeprecated } current: enumValues { name } } }
            """);
        Assert.Equal(Q("{'data':{'__type':{'kind':'ENUM','specifiedByURL':null,'all':[{'name':'ADMIN','isDeprecated':false},{'name':'MEMBER','isDeprecated':false},{'name':'GUEST','isDeprecated':true}],'current':[{'name':'ADMIN'},{'name':'MEMBER'}]}}}"), json);
    }

    [Fact]
    public async Task OneOf_and_specified_by_are_announced()
    {
        using var document = JsonDocument.Parse(await Json(RichSchema.Build(), """
            { key: __type(name: "UserKey") { isOneOf } filter: __type(name: "UserFilter") { isOneOf } dt: __type(name: "DateTime") { specifiedByURL } }
            """));
        var data = document.RootElement.GetProperty("data");
        Assert.True(data.GetProperty("key").GetProperty("isOneOf").GetBoolean());
        Assert.False(data.GetProperty("filter").GetProperty("isOneOf").GetBoolean());
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", data.GetProperty("dt").GetProperty("specifiedByURL").GetString());
    }

    [Fact]
    public async Task Unknown_type_lookup_is_null()
    {
        Assert.Equal(Q("{'data':{'__type':null}}"), await Json(StarWars.Schema, "{ __type(name: \"Nope\") { name } }"));
    }
}
