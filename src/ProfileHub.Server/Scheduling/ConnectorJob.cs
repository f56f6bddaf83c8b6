using ProfileHub.Server.Ingestion;
using Quartz;

namespace ProfileHub.Server.Scheduling;

/// <summary>
/// The Quartz job of one configured connector (its name in the job data). Never runs twice at once for the
/// same connector; a failure is recorded on the connector run by the pipeline and then handed to Quartz.
/// What runs after it is the <see cref="JobChain"/>'s to say.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ConnectorJob(IngestionRun ingestion, ILogger<ConnectorJob> logger) : IJob
{
    public const string ConnectorData = "connector";
    public const string Group = "connectors";

    public static JobKey KeyFor(string connector) => new(connector, Group);

    /// <summary>The durable job of one connector, as the store keeps it.</summary>
    public static IJobDetail Define(string connector) =>
        JobBuilder.Create<ConnectorJob>().WithIdentity(KeyFor(connector)).UsingJobData(ConnectorData, connector).StoreDurably().Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connector = context.MergedJobDataMap.GetString(ConnectorData)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{ConnectorData}' in its data.");
        IngestionSummary summary;
        try
        {
            summary = await ingestion.ExecuteAsync(connector, null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JobExecutionException($"Connector {connector} failed: {e.Message}", e);
        }

        if (await JobChain.AfterConnectorRunAsync(context.Scheduler, summary, cancellationToken))
        {
            LogTriggeredMatch(logger, connector);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector {Connector} loaded new rows: triggering the match job")]
    private static partial void LogTriggeredMatch(ILogger logger, string connector);
}
