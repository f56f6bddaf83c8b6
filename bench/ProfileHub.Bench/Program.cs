using ProfileHub.Bench.Api;
using ProfileHub.Bench.GraphQL;
using ProfileHub.Bench.Phones;
using ProfileHub.Bench.Quality;
using ProfileHub.Bench.Speed;
using ProfileHub.Bench.Synthetic;

// Benchmarks and the quality runner: `dotnet run -c Release --project bench/ProfileHub.Bench -- VERB ...`
//   quality [--gate] [--datasets PATH]            pairwise matching quality on the labelled datasets + synthetic traps
//   generate [--kind K] --people N --output FILE [--seed S]  a synthetic multi-channel CSV with known truth
//   train-default-model [--people N] [--seed S]   trains the shipped model for small inputs on the customer bases
//   score --truth FILE --profiles FILE            pairwise quality of a `profilehub resolve` output against person_id
//   incremental [--people N] [--queries Q]        one new record against an in-memory index: median and p99
//   match-db [--server CONN] [--people N] [--new-percent P]  `match` on PostgreSQL: first run, then P% new records
//   journey-db [--server CONN] [--profiles N] [--touchpoints M] [--runs R] [--database NAME]  journeyAnalytics aggregates on PostgreSQL
//   graphql [seconds]                             GraphQL execution throughput (compare with bench/graphql-js/throughput.mjs)
//   serve-graphql [--port N]                      the bench schema over HTTP on 127.0.0.1 (bench/graphql-http.sh loads it)
//   parse-validate [BenchmarkDotNet args]         BenchmarkDotNet: parse + validate of a ~2 KB document, cached and cold
//   graphql-execution [BenchmarkDotNet args]      BenchmarkDotNet: execution and JSON writing of serve-graphql's two queries
//   graphql-doubling [FROM] [TO] [RUNS]           issue 14's doubling fragments, levels FROM..TO (20..26), cold prepare + execute: medians
//   normalize [--iterations N]                    normalizer throughput and allocations
//   phone-diff --old CORE_DLL [--samples DIR] [--tests DIR] [--generated KIND=FILE ...]  another build's phone normalizer against this one (bench/phone-diff.sh)
//   seed-api --connection CONN [--profiles N] [--touchpoints-per-profile T]  fill a PostgreSQL database for the API bench (bench/api-1m.sh)
//   segments [--server CONN] [--profiles N] [--touchpoints-per-profile K] [--database NAME] [--explain]  trait fold, segment refresh, audience export and paging on PostgreSQL
return args.FirstOrDefault() switch
{
    "quality" => QualityRunner.Run(args[1..]),
    "generate" => GenerateCommand.Run(args[1..]),
    "train-default-model" => TrainDefaultModelCommand.Run(args[1..]),
    "score" => ScoreCommand.Run(args[1..]),
    "incremental" => IncrementalBenchmark.Run(args[1..]),
    "match-db" => await MatchDatabaseBenchmark.RunAsync(args[1..]),
    "journey-db" => await JourneyAnalyticsBenchmark.RunAsync(args[1..]),
    "graphql" => await GraphQLThroughput.RunAsync(args[1..]),
    "serve-graphql" => await GraphQLBenchServer.RunAsync(args[1..]),
    "parse-validate" => ParseValidateBenchmarks.Run(args[1..]),
    "graphql-execution" => ExecutionBenchmarks.Run(args[1..]),
    "graphql-doubling" => await FragmentDoublingBenchmark.RunAsync(args[1..]),
    "normalize" => NormalizerThroughput.Run(args[1..]),
    "phone-diff" => PhoneDiffCommand.Run(args[1..]),
    "seed-api" => await SeedApiCommand.RunAsync(args[1..]),
    "segments" => await SegmentBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProfileHub.Bench quality [--gate] | generate --people N --output FILE [--seed S] | incremental [--people N] [--queries Q] | match-db [...] | journey-db [...] | graphql [seconds] | serve-graphql [--port N] | parse-validate | graphql-execution | graphql-doubling [FROM] [TO] [RUNS] | normalize [--iterations N] | phone-diff --old CORE_DLL [...] | segments [--profiles N] [--touchpoints-per-profile K] | seed-api --connection CONN [--profiles N] [--touchpoints-per-profile T]");
    return 1;
}
