namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// How long one request may run (<see cref="ExecutionOptions.Timeout"/>) joined with the caller's own cancellation
/// (for HTTP, the client going away): one token that every phase checks (parsing, validation, the depth and cost
/// analysis, execution), and the way to tell a timeout, which is answered with an error, from a caller that gave up,
/// who is owed nothing. Start it with <see cref="GraphQLExecutor.StartDeadline"/>; the clock runs from then on.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;

    internal RequestDeadline(TimeSpan? timeout, CancellationToken caller)
    {
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (timeout <= TimeSpan.Zero)
        {
            // CancelAfter(0) would cancel later, on a timer thread: no time at all has run out already.
            _source.Cancel();
        }
        else if (timeout is { } limit)
        {
            _source.CancelAfter(limit);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The time ran out (rather than the caller cancelling).</summary>
    internal bool TimedOut => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    internal static GraphQLError TimeoutError() =>
        new("Execution timed out.", extensions: GraphQLError.CodeOf(ErrorCodes.Timeout));

    public void Dispose() => _source.Dispose();
}
