using System.Diagnostics;
using System.Globalization;
using ProfileHub.Bench.Quality;
using ProfileHub.Bench.Synthetic;
using ProfileHub.Core.Matching;
using ProfileHub.Server.Resolve;

namespace ProfileHub.Bench.Speed;

/// <summary>
/// `incremental [--people N] [--queries Q]`: batch-resolves a generated customer base (concentrated names,
/// default about 1,000,000 records), holds it in a <see cref="MatchIndex"/>, then resolves Q held-out records one at a time
/// and reports the median and p99 latency of <see cref="MatchIndex.Resolve(MatchInput)"/>.
/// </summary>
internal static class IncrementalBenchmark
{
    public static int Run(string[] args)
    {
        var people = int.Parse(QualityRunner.Option(args, "--people") ?? "510000", CultureInfo.InvariantCulture);
        var queries = int.Parse(QualityRunner.Option(args, "--queries") ?? "5000", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var bytes = CustomerBase.ToCsv(CustomerBase.Generate(CustomerBaseKind.Concentrated, people, seed: 11));
        var mapping = ColumnMapping.Parse(CustomerBase.ResolveMap, out _);
        var records = ResolveInput.Read(bytes, "record_id", mapping).Records;
        bytes = null;
        var indexed = records.Take(records.Count - queries).ToList();
        var held = records.Skip(records.Count - queries).ToList();
        Console.WriteLine($"generated {records.Count} records in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var run = BatchResolver.Resolve(indexed, MatchSettings.Default);
        Console.WriteLine($"batch resolve of {indexed.Count} records: {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var index = MatchIndex.FromRun(run);
        Console.WriteLine($"index built in {clock.Elapsed.TotalSeconds:0.0} s");

        // Warm up the JIT on a few queries that are not measured... then measure the rest.
        var warmup = Math.Min(100, held.Count / 10);
        var latencies = new List<double>(held.Count);
        var joined = 0;
        for (var i = 0; i < held.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var decision = index.Resolve(held[i]);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            joined += decision.JoinedExistingProfile ? 1 : 0;
            if (i >= warmup)
            {
                latencies.Add(elapsed);
            }
        }

        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        var p99 = latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * 0.99) - 1)];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"incremental resolve against {index.Count - held.Count:N0} indexed records: median {median:0.000} ms, p99 {p99:0.000} ms, max {latencies[^1]:0.000} ms over {latencies.Count} records ({joined} joined an existing profile)"));
        return median <= 2 && p99 <= 10 ? 0 : 1;
    }
}
