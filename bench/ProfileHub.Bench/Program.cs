using ProfileHub.Bench.GraphQL;
using ProfileHub.Bench.Speed;

// Benchmarks and the quality runner: `dotnet run -c Release --project bench/ProfileHub.Bench -- VERB ...`
//   graphql [seconds]                 GraphQL execution throughput (compare with bench/graphql-js/throughput.mjs)
//   normalize [--iterations N]        normalizer throughput and allocations
return args.FirstOrDefault() switch
{
    "graphql" => await GraphQLThroughput.RunAsync(args[1..]),
    "normalize" => NormalizerThroughput.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProfileHub.Bench graphql [seconds] | normalize [--iterations N]");
    return 1;
}
