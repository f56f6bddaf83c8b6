using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Execution;

/// <summary>Depth and cost are measured before execution, in time linear in the document, whatever its fragments do.</summary>
public class OperationLimitsTests
{
    private static Schema Schema => LimitsSchema.Instance;

    [Fact]
    public async Task A_fragment_spread_twice_per_level_is_measured_once_per_fragment()
    {
        // Expanding every spread would visit `self` 2^39 times (hours); the cost is still the sum over all spreads.
        var options = new ExecutionOptions { ReportCost = true, MaxCost = null };

        var json = await Bounded(() => Json(Schema, HostileDocuments.Doubling(39, "self { hello }"), options: options));

        Assert.Equal(Q("{'data':{'self':{'hello':'hi'}},'extensions':{'cost':{'requestedQueryCost':549755813888,'maximumAvailable':null}}}"), json);
    }

    [Fact]
    public async Task The_depth_of_a_doubling_document_is_its_deepest_field()
    {
        var query = HostileDocuments.Doubling(39, "self { self { hello } }");

        var refused = await Bounded(() => Result(Schema, query, options: new ExecutionOptions { MaxDepth = 2 }));
        var accepted = await Bounded(() => Json(Schema, query, options: new ExecutionOptions { MaxDepth = 3 }));

        Assert.Equal("The operation's depth 3 exceeds the maximum depth of 2.", Assert.Single(refused.Errors).Message);
        Assert.Equal(Q("{'data':{'self':{'self':{'hello':'hi'}}}}"), accepted);
    }

    [Fact]
    public async Task A_cost_past_the_range_of_a_long_stays_at_the_maximum()
    {
        // 2^70 spreads of `self`: the cost saturates rather than wrapping around to a small or negative number.
        var result = await Bounded(() => Result(Schema, HostileDocuments.Doubling(70, "self { hello }"), options: new ExecutionOptions { MaxCost = 50_000 }));

        Assert.Equal($"The operation's cost {long.MaxValue} exceeds the maximum cost of 50000.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Nested_list_sizes_that_overflow_a_long_are_refused()
    {
        // (1 + (1 + 1 * 2^21) * 2^21) * 2^21 passes 2^63: wrapped around, it was a negative cost, below any maximum.
        const string Query = "{ items(first: 2097152) { items(first: 2097152) { items(first: 2097152) { hello } } } }";

        var result = await Result(Schema, Query, options: new ExecutionOptions { MaxCost = 50_000 });

        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.MaxCostExceeded, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Measuring_stops_when_the_request_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var document = Parser.Parse(HostileDocuments.Doubling(3, "hello"));
        var fragments = document.Definitions.OfType<FragmentDefinitionNode>().ToDictionary(f => f.Name.Value);
        var limits = new OperationLimits(Schema, fragments, null, 10, cancellation.Token);
        var operation = document.Definitions.OfType<OperationDefinitionNode>().Single();

        Assert.Throws<OperationCanceledException>(() => limits.Depth(operation.SelectionSet));
        Assert.Throws<OperationCanceledException>(() => limits.Cost(operation.SelectionSet, Schema.QueryType));
    }

    /// <summary>Fails instead of hanging the test run when the analysis is exponential again (the bound is thousands of times the expected time).</summary>
    private static Task<T> Bounded<T>(Func<Task<T>> run) => Task.Run(run).WaitAsync(TimeSpan.FromSeconds(30));
}
