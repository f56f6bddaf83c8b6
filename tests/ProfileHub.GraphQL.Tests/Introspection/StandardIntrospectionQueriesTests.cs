using System.Text.Json;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Tests.Support;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Introspection;

/// <summary>
/// Every standard client's introspection query (graphql-js 17.1.0's, as <see cref="StandardIntrospectionQueries"/>
/// generates it) answers in full under the limits of a production API: their depth of 15 counts against the
/// introspection bounds, not against a data depth of 12.
/// </summary>
public sealed class StandardIntrospectionQueriesTests
{
    /// <summary>ProfileHub's own API limits (src/ProfileHub.Server/Api/ApiRegistration.cs).</summary>
    private static readonly ExecutionOptions ApiLimits = new() { MaxDepth = 12, MaxCost = 50_000 };

    public static TheoryData<string> Variants => [.. StandardIntrospectionQueries.Variants];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_query_is_answered_in_full_under_a_data_depth_of_12(string variant)
    {
        var query = await StandardIntrospectionQueries.ReadAsync(variant);
        var schema = RichSchema.Build();

        using var response = JsonDocument.Parse(await Json(schema, query, options: ApiLimits));

        Assert.False(response.RootElement.TryGetProperty("errors", out var errors), errors.ToString());
        var types = response.RootElement.GetProperty("data").GetProperty("__schema").GetProperty("types");
        Assert.Equal(schema.Types.Select(t => t.Name), types.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_full_query_is_deeper_than_the_data_limit_it_passes()
    {
        // Guards the test above: if graphql-js's query ever became shallow, it would prove nothing about the bounds.
        var query = await StandardIntrospectionQueries.ReadAsync("every-option");

        var result = await Result(RichSchema.Build(), query, options: ApiLimits with { Introspection = new IntrospectionLimits { MaxDepth = 12 } });

        Assert.Equal("The operation's introspection depth 15 exceeds the maximum introspection depth of 12.", Assert.Single(result.Errors).Message);
    }
}
