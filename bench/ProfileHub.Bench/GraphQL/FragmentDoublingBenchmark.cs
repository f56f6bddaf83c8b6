using System.Diagnostics;
using System.Globalization;
using System.Text;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.Bench.GraphQL;

/// <summary>
/// `graphql-doubling`: issue 14's document, <c>{...Fn} fragment F0 on Query{__typename} fragment Fk on Query{...Fk-1 ...Fk-1}</c>,
/// prepared and executed cold (a new executor each run, so parsing, validation and the depth and cost analysis all run)
/// with the API's limits (depth 12, cost 50,000). Expanding every spread doubles the work per level; measuring each
/// fragment once keeps it linear. Prints the median of the runs per level.
/// </summary>
internal static class FragmentDoublingBenchmark
{
    private static readonly Schema Schema = new SchemaBuilder().Object("Query", q => q.Field("hello", "String", f => f.Resolve(_ => "hi"))).Build();

    public static async Task<int> RunAsync(string[] args)
    {
        var from = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var to = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 26;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        await RunLevelAsync(from, 1);
        for (var levels = from; levels <= to; levels++)
        {
            var times = await RunLevelAsync(levels, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"F{levels}: median {times[times.Count / 2]:F2} ms (runs {string.Join(' ', times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))})"));
        }
        return 0;
    }

    private static async Task<List<double>> RunLevelAsync(int levels, int runs)
    {
        var document = Document(levels);
        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var executor = new GraphQLExecutor(Schema, new ExecutionOptions { MaxDepth = 12, MaxCost = 50_000 });
            var watch = Stopwatch.StartNew();
            var json = (await executor.ExecuteAsync(new GraphQLRequest(document))).ToJson();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (json != "{\"data\":{\"__typename\":\"Query\"}}")
            {
                throw new InvalidOperationException($"F{levels} answered {json}");
            }
        }
        times.Sort();
        return times;
    }

    private static string Document(int levels)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{{...F{levels}}} fragment F0 on Query{{__typename}}");
        for (var level = 1; level <= levels; level++)
        {
            text.Append(CultureInfo.InvariantCulture, $" fragment F{level} on Query{{...F{level - 1} ...F{level - 1}}}");
        }
        return text.ToString();
    }
}
