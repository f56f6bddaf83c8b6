using ProfileHub.Bench.Api;
using ProfileHub.Bench.GraphQL;
using ProfileHub.Bench.Quality;
using ProfileHub.Bench.Speed;
using ProfileHub.Bench.Synthetic;

// Benchmarks and the quality runner: `dotnet run -c Release --project bench/ProfileHub.Bench -- VERB ...`
//   quality [--gate] [--datasets PATH]            pairwise matching quality on the labelled datasets + synthetic traps
//   generate --people N --output FILE [--seed S]  a synthetic multi-channel CSV with known truth
//   incremental [--people N] [--queries Q]        one new record against an in-memory index: median and p99
//   match-db [--server CONN] [--people N] [--new-percent P]  `match` on PostgreSQL: first run, then P% new records
//   graphql [seconds]                             GraphQL execution throughput (compare with bench/graphql-js/throughput.mjs)
//   normalize [--iterations N]                    normalizer throughput and allocations
//   seed-api --connection CONN [--profiles N] [--touchpoints-per-profile T]  fill a PostgreSQL database for the API bench (bench/api-1m.sh)
return args.FirstOrDefault() switch
{
    "quality" => QualityRunner.Run(args[1..]),
    "generate" => GenerateCommand.Run(args[1..]),
    "incremental" => IncrementalBenchmark.Run(args[1..]),
    "match-db" => await MatchDatabaseBenchmark.RunAsync(args[1..]),
    "graphql" => await GraphQLThroughput.RunAsync(args[1..]),
    "normalize" => NormalizerThroughput.Run(args[1..]),
    "seed-api" => await SeedApiCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProfileHub.Bench quality [--gate] | generate --people N --output FILE [--seed S] | incremental [--people N] [--queries Q] | match-db [...] | graphql [seconds] | normalize [--iterations N] | seed-api --connection CONN [--profiles N] [--touchpoints-per-profile T]");
    return 1;
}
