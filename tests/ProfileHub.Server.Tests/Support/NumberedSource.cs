using System.Globalization;
using System.Runtime.CompilerServices;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// A source of numbered events (event i is "e{i}" of person "p{i % people}"), in batches of
/// <see cref="BatchSize"/>; the watermark is the number of events read. It can fail after a number of batches,
/// as a crashed or killed process would.
/// </summary>
internal sealed class NumberedSource(int total, int batchSize) : IConnectorSource
{
    public ConnectorKind Kind => ConnectorKind.File;

    public string Format => "numbered";

    public int BatchSize => batchSize;

    /// <summary>Throw instead of yielding the batch after this many batches of a run (null: never).</summary>
    public int? FailAfterBatches { get; set; }

    public int People { get; init; } = 10;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = watermark is null ? 0 : int.Parse(watermark, CultureInfo.InvariantCulture);
        var yielded = 0;
        while (next < total)
        {
            if (yielded == FailAfterBatches)
            {
                throw new IOException($"source died after {yielded} batches");
            }

            var end = Math.Min(total, next + batchSize);
            var events = Enumerable.Range(next, end - next).Select(Event).ToList();
            var people = events.Select(e => e.SourceKey!).Distinct().Select(Person).ToList();
            yield return new SourceBatch(people, events, [], end - next, end.ToString(CultureInfo.InvariantCulture));
            yielded++;
            next = end;
            await Task.Yield();
        }
    }

    public static SourceRecordDraft Person(string key) => new(key, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
        FirstName = "Person",
        LastName = key,
        Identifiers = [IdentifierDraft.Email($"{key}@example.com")!],
    };

    private TouchpointDraft Event(int i) =>
        new($"e{i}", $"p{i % People}", TouchpointChannel.Web, "page_view", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i));
}
