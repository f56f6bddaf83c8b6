using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.Bench.GraphQL;

/// <summary>
/// `parse-validate`: issue 4's "parse plus validate of a 2 KB query from cache", with BenchmarkDotNet. The cached
/// case is the executor's own prepare path (document cache hit, operation selection); cold parse and cold
/// validate of the same document are there for contrast, and cold parse + validate is the baseline of the Ratio
/// column (measured in the same run, so the ratio holds on a noisy machine where absolute times drift).
/// </summary>
// BenchmarkDotNet only runs public, unsealed classes with public benchmark methods.
#pragma warning disable CA1515 // Consider making public types internal: BenchmarkDotNet requires public benchmark classes.
[Config(typeof(ShortConfig))]
public class ParseValidateBenchmarks
#pragma warning restore CA1515
{
    private readonly GraphQLExecutor _executor = new(ThroughputSchema.Schema);
    private readonly GraphQLRequest _request = new(Document);
    private DocumentNode _parsed = null!;

    /// <summary>A dashboard-style operation: variables, aliases, fragments, inline fragments, directives; 2,111 bytes.</summary>
    internal const string Document = """
        query CustomerDashboard($first: ID!, $second: ID!, $third: ID!, $withTouchpoints: Boolean = true, $compact: Boolean = false) {
          first: customer(id: $first) {
            ...CustomerCard
            ...ContactDetails @skip(if: $compact)
            touchpoints @include(if: $withTouchpoints) { ...TouchpointRow }
          }
          second: customer(id: $second) {
            ...CustomerCard
            ...ContactDetails
            recent: touchpoints { ...TouchpointRow online }
          }
          third: customer(id: $third) {
            __typename
            ... on Customer { id name city }
            touchpoints { id channel ... on Touchpoint { score online } }
          }
          pinned: customer(id: "c42") {
            ...CustomerCard
            contact: email
            touchpoints { ...TouchpointRow ...TouchpointFlags }
          }
          everyone: customers {
            ...CustomerCard
            ...ContactDetails
            touchpoints {
              ...TouchpointRow
              ...TouchpointFlags
              channel
            }
          }
          online: customers {
            id
            touchpoints @include(if: $withTouchpoints) {
              ...TouchpointFlags
              ... on Touchpoint { id score }
            }
          }
          offline: customers {
            id
            name
            age
            touchpoints @skip(if: $compact) {
              ...TouchpointRow
            }
          }
          byAge: customers {
            id
            age
            ...ContactDetails
            touchpoints { ...TouchpointRow online }
          }
          audit: customer(id: $first) {
            ...CustomerCard
            email
            touchpoints @include(if: $withTouchpoints) {
              __typename
              ...TouchpointFlags
            }
          }
          spotlight: customer(id: "c7") {
            id
            name
            ... on Customer @skip(if: $compact) {
              email
              touchpoints { channel score }
            }
          }
          webOnly: customers {
            id
            city
            touchpoints { id channel online }
          }
          # The last visit of a returning customer, as the support view shows it.
          returning: customer(id: $second) {
            ...ContactDetails
            touchpoints { ...TouchpointRow online }
          }
          __typename
        }

        fragment CustomerCard on Customer {
          __typename
          id
          name
          age
          city
        }

        fragment ContactDetails on Customer {
          id
          email
          city
        }

        fragment TouchpointRow on Touchpoint {
          __typename
          id
          channel
          score
        }

        fragment TouchpointFlags on Touchpoint {
          id
          online
          score
        }
        """;

    public static int Run(string[] args) =>
        BenchmarkSwitcher.FromTypes([typeof(ParseValidateBenchmarks)]).Run(args.Length > 0 ? args : ["--filter", "*"]).Any() ? 0 : 1;

    [GlobalSetup]
    public void Setup()
    {
        var prepared = _executor.Prepare(_request);
        if (prepared.Error is not null)
        {
            throw new InvalidOperationException("The benchmark document does not validate: " + prepared.Error.ToJson());
        }
        _parsed = Parser.Parse(Document);
    }

    [Benchmark(Description = "prepare from the document cache (parse + validate, warm)")]
    public PreparedRequest CachedPrepare() => _executor.Prepare(_request);

    [Benchmark(Description = "cold parse")]
    public DocumentNode ColdParse() => Parser.Parse(Document);

    [Benchmark(Description = "cold validate (parsed document)")]
    public IReadOnlyList<ValidationError> ColdValidate() => DocumentValidator.Validate(ThroughputSchema.Schema, _parsed);

    [Benchmark(Baseline = true, Description = "cold parse + validate")]
    public IReadOnlyList<ValidationError> ColdParseAndValidate() => DocumentValidator.Validate(ThroughputSchema.Schema, Parser.Parse(Document));

    /// <summary>
    /// Short enough for a few minutes on 2 shared cores; in-process so the benchmark is not rebuilt as a generated
    /// project (which the repository's warnings-as-errors build would judge).
    /// </summary>
    internal sealed class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
