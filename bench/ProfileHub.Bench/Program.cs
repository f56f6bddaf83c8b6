using System.Diagnostics;
using System.Globalization;
using ProfileHub.Bench;

// Throughput of in-process execution (document cached, validated once): the same schema, data and query as
// bench/graphql-js/throughput.mjs, so the two figures compare directly.
//   dotnet run -c Release --project bench/ProfileHub.Bench -- [seconds]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var executor = ThroughputSchema.Executor();
foreach (var (name, query) in ThroughputSchema.Queries)
{
    for (var i = 0; i < 200; i++)
    {
        _ = (await executor.ExecuteAsync(new(query))).ToJson();
    }
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var count = 0;
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        _ = (await executor.ExecuteAsync(new(query))).ToJson();
        count++;
    }
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / count;
    Console.WriteLine($"{name}: {count / watch.Elapsed.TotalSeconds:F0} ops/s, {allocated / 1024.0:F1} KiB allocated per op");
}
