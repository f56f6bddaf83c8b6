namespace ProfileHub.GraphQL.DataLoader;

/// <summary>
/// The request's data loaders. Loaders queue keys while the executor runs one level of the query; the executor
/// then dispatches every loader once, so N parents' related data costs one fetch per loader per level.
/// </summary>
public sealed class DataLoaderScope
{
    private readonly Dictionary<string, IDispatchable> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationToken _cancellationToken;
    private TaskCompletionSource _keysQueued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DataLoaderScope(CancellationToken cancellationToken = default) => _cancellationToken = cancellationToken;

    /// <summary>A loader of one value per key (e.g. users by id); the fetch receives each distinct key once.</summary>
    public BatchLoader<TKey, TValue> Batch<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        GetOrAdd(name, () => new BatchLoader<TKey, TValue>(this, fetch));

    /// <summary>A loader of many values per key (e.g. orders by customer id).</summary>
    public GroupLoader<TKey, TValue> Group<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull =>
        GetOrAdd(name, () => new GroupLoader<TKey, TValue>(this, fetch));

    internal bool HasPendingKeys
    {
        get
        {
            lock (_gate)
            {
                return _loaders.Values.Any(l => l.HasPendingKeys);
            }
        }
    }

    /// <summary>Completes when some loader receives a key (a resolver continued after an earlier batch).</summary>
    internal Task WhenKeysQueued
    {
        get
        {
            lock (_gate)
            {
                // A signal already spent on keys that a dispatch has taken would wake the executor for nothing, again and again.
                if (_keysQueued.Task.IsCompleted && !_loaders.Values.Any(l => l.HasPendingKeys))
                {
                    _keysQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                return _keysQueued.Task;
            }
        }
    }

    /// <summary>Fetches every queued key, one call per loader.</summary>
    internal Task DispatchAsync()
    {
        List<IDispatchable> ready;
        lock (_gate)
        {
            ready = _loaders.Values.Where(l => l.HasPendingKeys).ToList();
            _keysQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return ready.Count == 1 ? ready[0].DispatchAsync(_cancellationToken) : Task.WhenAll(ready.Select(l => l.DispatchAsync(_cancellationToken)));
    }

    internal void SignalKeysQueued()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            signal = _keysQueued;
        }
        signal.TrySetResult();
    }

    private TLoader GetOrAdd<TLoader>(string name, Func<TLoader> create)
        where TLoader : class, IDispatchable
    {
        lock (_gate)
        {
            if (!_loaders.TryGetValue(name, out var loader))
            {
                _loaders[name] = loader = create();
            }
            return loader as TLoader ?? throw new InvalidOperationException($"The data loader \"{name}\" was registered with other key or value types.");
        }
    }
}

internal interface IDispatchable
{
    bool HasPendingKeys { get; }

    Task DispatchAsync(CancellationToken cancellationToken);
}

/// <summary>Queues keys and memoizes one task per key for the request (the DataLoader pattern).</summary>
public abstract class KeyedLoader<TKey, TResult> : IDispatchable
    where TKey : notnull
{
    private readonly DataLoaderScope _scope;
    private readonly Dictionary<TKey, TaskCompletionSource<TResult>> _cache = [];
    private readonly Lock _gate = new();
    private List<TKey> _queue = [];

    private protected KeyedLoader(DataLoaderScope scope) => _scope = scope;

    /// <summary>How many times the fetch function ran (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    public bool HasPendingKeys
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count > 0;
            }
        }
    }

    public Task<TResult> LoadAsync(TKey key)
    {
        bool first;
        TaskCompletionSource<TResult>? completion;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out completion))
            {
                return completion.Task;
            }
            completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _cache[key] = completion;
            first = _queue.Count == 0;
            _queue.Add(key);
        }
        if (first)
        {
            _scope.SignalKeysQueued();
        }
        return completion.Task;
    }

    /// <summary>
    /// Gives <paramref name="key"/> a value fetched some other way (a query that read it alongside what it was
    /// asked for), so loading it costs no fetch; a key already loaded or queued keeps what it has.
    /// </summary>
    public void Prime(TKey key, TResult value)
    {
        lock (_gate)
        {
            if (!_cache.ContainsKey(key))
            {
                var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                completion.SetResult(value);
                _cache[key] = completion;
            }
        }
    }

    public async Task<IReadOnlyList<TResult>> LoadManyAsync(IEnumerable<TKey> keys) => await Task.WhenAll(keys.Select(LoadAsync));

    async Task IDispatchable.DispatchAsync(CancellationToken cancellationToken)
    {
        List<TKey> keys;
        List<TaskCompletionSource<TResult>> completions;
        lock (_gate)
        {
            keys = _queue;
            _queue = [];
            completions = keys.Select(k => _cache[k]).ToList();
            FetchCount++;
        }
        try
        {
            var results = await FetchAsync(keys, cancellationToken);
            for (var i = 0; i < keys.Count; i++)
            {
                completions[i].TrySetResult(results(keys[i]));
            }
        }
#pragma warning disable CA1031 // The batch's failure belongs to every resolver waiting on it, where it becomes a field error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            foreach (var completion in completions)
            {
                completion.TrySetException(error);
            }
        }
    }

    private protected abstract Task<Func<TKey, TResult>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
}

/// <summary>One value per key; a key the fetch does not return resolves to default (null).</summary>
public sealed class BatchLoader<TKey, TValue> : KeyedLoader<TKey, TValue?>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;

    internal BatchLoader(DataLoaderScope scope, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        : base(scope) => _fetch = fetch;

    private protected override async Task<Func<TKey, TValue?>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await _fetch(keys, cancellationToken);
        return key => values.TryGetValue(key, out var value) ? value : default;
    }
}

/// <summary>Many values per key; a key the fetch does not return resolves to an empty list.</summary>
public sealed class GroupLoader<TKey, TValue> : KeyedLoader<TKey, IReadOnlyList<TValue>>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> _fetch;

    internal GroupLoader(DataLoaderScope scope, Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        : base(scope) => _fetch = fetch;

    private protected override async Task<Func<TKey, IReadOnlyList<TValue>>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = await _fetch(keys, cancellationToken);
        return key => groups[key].ToList();
    }
}
