using ProfileHub.Server.Ingestion;
using Quartz;

namespace ProfileHub.Server.Scheduling;

/// <summary>
/// Makes the stored connector schedule say what configuration says, on every start and before the scheduler
/// starts: one durable <see cref="ConnectorJob"/> per enabled connector (so `match` and on-demand runs can
/// trigger it) with a cron trigger when it has a Schedule; a changed Schedule replaces the stored trigger, and
/// a connector removed from configuration (or disabled) has its job deleted.
/// </summary>
internal sealed partial class ConnectorSchedule(ISchedulerFactory schedulers, IReadOnlyList<ConnectorDefinition> connectors, ILogger<ConnectorSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var wanted = new List<WantedJob>();
        foreach (var connector in connectors.Where(c => c.Enabled))
        {
            CheckCron(connector);
            wanted.Add(new WantedJob(ConnectorJob.Define(connector.Name), connector.Schedule));
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await StoredSchedule.ReconcileAsync(scheduler, ConnectorJob.Group, wanted, cancellationToken);
        LogReconciled(logger, wanted.Count, wanted.Count(w => w.Cron is not null));
    }

    private static void CheckCron(ConnectorDefinition connector)
    {
        try
        {
            _ = connector.Schedule is { } cron ? new CronExpression(cron) : null;
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{ConnectorDefinition.Section}:{connector.Name}:Schedule is not a Quartz cron expression ({e.Message}).", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quartz schedule reconciled with configuration: {Jobs} connector jobs, {Triggers} on a cron schedule")]
    private static partial void LogReconciled(ILogger logger, int jobs, int triggers);
}
