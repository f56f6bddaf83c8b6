using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ProfileHub.GraphQL.Execution;

namespace ProfileHub.Bench.GraphQL;

/// <summary>
/// `graphql-execution`: the server's hot path for bench/graphql-http.sh's two queries, split where the time goes:
/// execution from a prepared request (the result tree), and writing that tree as JSON.
/// </summary>
#pragma warning disable CA1515 // Consider making public types internal: BenchmarkDotNet requires public benchmark classes.
[Config(typeof(ParseValidateBenchmarks.ShortConfig))]
public class ExecutionBenchmarks
#pragma warning restore CA1515
{
    private readonly GraphQLExecutor _executor = new(ThroughputSchema.Schema);
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private PreparedRequest _small = null!;
    private PreparedRequest _list = null!;
    private ExecutionResult _listResult = null!;

    public static int Run(string[] args) =>
        BenchmarkSwitcher.FromTypes([typeof(ExecutionBenchmarks)]).Run(args.Length > 0 ? args : ["--filter", "*"]).Any() ? 0 : 1;

    [GlobalSetup]
    public void Setup()
    {
        _small = _executor.Prepare(new GraphQLRequest(ThroughputSchema.Queries[0].Query));
        _list = _executor.Prepare(new GraphQLRequest(ThroughputSchema.Queries[1].Query));
        _listResult = _executor.ExecuteAsync(_list, null).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "small: execute")]
    public Task<ExecutionResult> ExecuteSmall() => _executor.ExecuteAsync(_small, null);

    [Benchmark(Description = "list: execute")]
    public Task<ExecutionResult> ExecuteList() => _executor.ExecuteAsync(_list, null);

    [Benchmark(Description = "list: write JSON")]
    public int WriteList()
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, ExecutionResult.WriterOptions))
        {
            _listResult.WriteTo(writer);
        }
        return _buffer.WrittenCount;
    }
}
