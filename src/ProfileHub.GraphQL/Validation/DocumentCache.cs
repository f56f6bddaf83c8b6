using System.Collections.Concurrent;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// Parse and validation results for one schema, keyed by document text, so a repeated query is parsed and
/// validated once. Bounded: past <see cref="Capacity"/> the least recently used tenth is evicted. Lookups are
/// lock-free; two threads preparing the same new text at once may both do the work, and either result is kept.
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Schema _schema;
    private readonly ParserOptions _parserOptions;
    private readonly Lock _evictionLock = new();
    private long _clock;

    public DocumentCache(Schema schema, int capacity = 1000, ParserOptions? parserOptions = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _schema = schema;
        Capacity = capacity;
        _parserOptions = parserOptions ?? ParserOptions.Default;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>The cached result for the text, or parses and validates it; a cancelled preparation throws and caches nothing.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while parsing or validating.</exception>
    public ValidatedDocument GetOrAdd(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = Interlocked.Increment(ref _clock);
        if (_entries.TryGetValue(query, out var entry))
        {
            Volatile.Write(ref entry.LastUsed, now);
            return entry.Document;
        }

        var prepared = Prepare(query, cancellationToken);
        _entries.TryAdd(query, new Entry(prepared, now));
        if (_entries.Count > Capacity)
        {
            Evict();
        }

        return prepared;
    }

    private ValidatedDocument Prepare(string query, CancellationToken cancellationToken)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, _parserOptions, cancellationToken);
        }
        catch (GraphQLSyntaxException error)
        {
            return new ValidatedDocument(null, [new ValidationError(error.Message, error.Locations)]);
        }

        return new ValidatedDocument(document, DocumentValidator.Validate(_schema, document, cancellationToken: cancellationToken));
    }

    private void Evict()
    {
        lock (_evictionLock)
        {
            var excess = _entries.Count - Capacity;
            if (excess <= 0)
            {
                return;
            }

            var toRemove = excess + (Capacity / 10);
            // ToArray snapshots under the dictionary's locks; enumerating it through OrderBy (Count, then CopyTo) throws when another thread adds in between.
            foreach (var stale in _entries.ToArray().OrderBy(pair => Volatile.Read(ref pair.Value.LastUsed)).Take(toRemove).ToList())
            {
                _entries.TryRemove(stale.Key, out _);
            }
        }
    }

    private sealed class Entry(ValidatedDocument document, long lastUsed)
    {
        public long LastUsed = lastUsed;

        public ValidatedDocument Document { get; } = document;
    }
}
