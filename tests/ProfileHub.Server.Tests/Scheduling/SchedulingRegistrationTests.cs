using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Scheduling;
using Quartz;

namespace ProfileHub.Server.Tests.Scheduling;

public sealed class SchedulingRegistrationTests
{
    [Fact]
    public async Task Every_enabled_connector_gets_its_own_non_concurrent_job_and_a_cron_trigger_when_scheduled()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Database:Provider"] = "sqlite",
            ["ProfileHub:Database:ConnectionString"] = "Data Source=:memory:",
            ["ProfileHub:Connectors:web:Kind"] = "Web",
            ["ProfileHub:Connectors:web:Format"] = "segment-jsonl",
            ["ProfileHub:Connectors:web:Schedule"] = "0 */5 * * * ?",
            ["ProfileHub:Connectors:crm:Kind"] = "File",
            ["ProfileHub:Connectors:crm:Format"] = "csv",
            ["ProfileHub:Connectors:crm:Schedule"] = "0 0 2 * * ?",
            ["ProfileHub:Connectors:api:Kind"] = "Web",
            ["ProfileHub:Connectors:api:Format"] = "segment-http",
            ["ProfileHub:Connectors:old:Kind"] = "File",
            ["ProfileHub:Connectors:old:Enabled"] = "false",
        });
        builder.AddProfileHubCore();
        builder.AddProfileHubIngestion();
        builder.AddProfileHubScheduling();
        using var host = builder.Build();

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        foreach (var name in new[] { "api", "crm", "web" })
        {
            var detail = await scheduler.GetJobDetail(ConnectorJob.KeyFor(name));
            Assert.NotNull(detail);
            Assert.Equal(typeof(ConnectorJob), detail.JobType.Type);
            Assert.True(detail.ConcurrentExecutionDisallowed);
            Assert.True(detail.Durable);
            Assert.Equal(name, detail.JobDataMap.GetString(ConnectorJob.ConnectorData));
        }

        Assert.Null(await scheduler.GetJobDetail(ConnectorJob.KeyFor("old")));
        var web = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("web", ConnectorJob.Group)));
        Assert.Equal(("0 */5 * * * ?", ConnectorJob.KeyFor("web")), (web.CronExpressionString, web.JobKey));
        var crm = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("crm", ConnectorJob.Group)));
        Assert.Equal("0 0 2 * * ?", crm.CronExpressionString);
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("api", ConnectorJob.Group)));
    }

    [Fact]
    public void A_connector_with_an_unknown_kind_fails_at_start_up_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Connectors:x:Kind"] = "Fax",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ConnectorDefinition.Read(configuration));
        Assert.Contains("ProfileHub:Connectors:x:Kind", error.Message, StringComparison.Ordinal);
    }
}
