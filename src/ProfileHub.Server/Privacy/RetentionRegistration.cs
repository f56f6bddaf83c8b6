using ProfileHub.Server.Hosting;
using Quartz;

namespace ProfileHub.Server.Privacy;

internal static class RetentionRegistration
{
    /// <summary>
    /// The retention purge and its settings (<see cref="RetentionOptions.Section"/>), checked at start-up: a bad
    /// cron or batch size stops the start, naming the key, not the first purge at night. Call after AddProfileHubIngestion.
    /// </summary>
    public static void AddProfileHubRetention(this IHostApplicationBuilder builder)
    {
        RetentionOptions options;
        try
        {
            options = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(RetentionOptions.Section, e.Message, e);
        }

        try
        {
            _ = new CronExpression(options.Schedule);
        }
        catch (FormatException e)
        {
            throw new ConfigurationException($"{RetentionOptions.Section}:Schedule", $"'{options.Schedule}' is not a Quartz cron expression ({e.Message}).", e);
        }

        foreach (var (name, value) in new[] { (nameof(options.BatchSize), options.BatchSize), (nameof(options.ReadAuditDays), options.ReadAuditDays) })
        {
            if (value < 1)
            {
                throw new ConfigurationException($"{RetentionOptions.Section}:{name}", $"{value} is below the minimum, 1.");
            }
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RetentionPurge>();
    }
}
