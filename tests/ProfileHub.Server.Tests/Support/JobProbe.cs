using Quartz;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// A job listener for one job key, shareable between schedulers: counts executions begun and finished, the
/// most running at once (over every scheduler it listens to), which node ran each, and can hold the first
/// execution open until the test releases it (the job counts as running meanwhile, as Quartz sees it).
/// </summary>
internal sealed class JobProbe(JobKey job, bool holdFirst = false) : IJobListener
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _nodes = [];
    private int _running;
    private int _maxRunning;
    private int _started;
    private int _finished;

    public string Name => $"probe {job}";

    /// <summary>Completes with the scheduled fire time of the first execution once it has begun.</summary>
    public Task<DateTimeOffset> FirstStarted => _firstStarted.Task;

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public int Finished => Volatile.Read(ref _finished);

    public IReadOnlyList<string> Nodes
    {
        get
        {
            lock (_nodes)
            {
                return [.. _nodes];
            }
        }
    }

    public void Release() => _release.TrySetResult();

    /// <summary>Waits until <paramref name="count"/> executions have finished, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForFinishedAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (Finished < count)
        {
            await Task.Delay(20, cancel.Token);
        }
    }

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Matches(context))
        {
            return;
        }

        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        lock (_nodes)
        {
            _nodes.Add(context.Scheduler.SchedulerInstanceId);
        }

        if (Interlocked.Increment(ref _started) == 1)
        {
            _firstStarted.TrySetResult(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
            if (holdFirst)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        if (Matches(context))
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _finished);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private bool Matches(IJobExecutionContext context) => context.JobDetail.Key.Equals(job);

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
