using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Execution;

/// <summary>
/// Introspection (<c>__schema</c>, <c>__type</c> and their subtrees) is measured apart from the data fields: the data
/// limits neither count it nor let it through unbounded (<see cref="IntrospectionLimits"/>).
/// </summary>
public class IntrospectionLimitsTests
{
    private static Schema Schema => LimitsSchema.Instance;

    [Fact]
    public async Task Introspection_does_not_count_towards_the_data_depth()
    {
        const string Query = "{ __schema { types { fields { type { ofType { ofType { name } } } } } } self { hello } }";

        var result = await Result(Schema, Query, options: new ExecutionOptions { MaxDepth = 2 });

        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Data_fields_beside_introspection_keep_their_depth_limit()
    {
        var refusal = await RefusalOf("{ __schema { queryType { name } } self { self { self { hello } } } }", new ExecutionOptions { MaxDepth = 3 });

        Assert.Equal("The operation's depth 4 exceeds the maximum depth of 3.", refusal);
    }

    [Fact]
    public async Task OfType_nests_sixteen_deep_and_no_deeper()
    {
        static string TypeReference(int ofTypes) => "{ __type(name: \"Query\") { " + string.Concat(Enumerable.Repeat("ofType { ", ofTypes)) + "name" + new string('}', ofTypes + 2);

        var accepted = await Result(Schema, TypeReference(16));
        var refused = await Result(Schema, TypeReference(17));

        Assert.Empty(accepted.Errors);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("The operation's ofType nesting 17 exceeds the maximum ofType nesting of 16.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public async Task The_default_introspection_cost_allows_graphql_js_s_full_query_twice_not_three_times()
    {
        var full = await StandardIntrospectionQueries.ReadAsync("every-option");

        var measured = await RefusalOf(full, new ExecutionOptions { Introspection = new IntrospectionLimits { MaxCost = 0 } });
        var twice = await Result(Schema, Copies(full, 2));
        var thrice = await Result(Schema, Copies(full, 3));

        Assert.Equal("The operation's introspection cost 16424 exceeds the maximum introspection cost of 0.", measured);
        Assert.Empty(twice.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, Assert.Single(thrice.Errors).Code);
    }

    [Fact]
    public async Task Introspection_under_a_list_counts_once_per_expected_item()
    {
        // 10,000 items cost 10,000 as data (allowed), and each asks for the type list again: 110,000 as introspection.
        var refusal = await RefusalOf("{ items(first: 10000) { __schema { types { name } } } }", new ExecutionOptions { MaxCost = 50_000 });

        Assert.Equal("The operation's introspection cost 110000 exceeds the maximum introspection cost of 40000.", refusal);
    }

    [Fact]
    public async Task Doubling_fragments_inside_introspection_are_refused_in_linear_time()
    {
        // 2^40 spreads of `fields` under each type: measured once per fragment, refused by the introspection cost.
        var query = HostileDocuments.Doubling(40, "fields { name }", "__Type").Replace("{...F40}", "{ __schema { types { ...F40 } } }", StringComparison.Ordinal);

        var result = await Task.Run(() => Result(Schema, query)).WaitAsync(TimeSpan.FromSeconds(30));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Code);
        Assert.StartsWith("The operation's introspection cost ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The message of the one error a refused operation gets.</summary>
    private static async Task<string> RefusalOf(string query, ExecutionOptions options) => Assert.Single((await Result(Schema, query, options: options)).Errors).Message;

    /// <summary>The operation of graphql-js's query with its <c>__schema</c> selected <paramref name="count"/> times under aliases, and its fragments.</summary>
    private static string Copies(string introspectionQuery, int count)
    {
        var fragments = introspectionQuery.IndexOf("fragment ", StringComparison.Ordinal);
        var operation = introspectionQuery[..fragments];
        var schema = operation[(operation.IndexOf('{', StringComparison.Ordinal) + 1)..operation.LastIndexOf('}')];
        return "{" + string.Concat(Enumerable.Range(0, count).Select(i => $" copy{i}: {schema.Trim()}")) + "}\n" + introspectionQuery[fragments..];
    }
}
