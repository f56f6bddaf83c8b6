using Microsoft.Extensions.Configuration;
using ProfileHub.Server.Ingestion;

namespace ProfileHub.Server.Tests.Ingestion;

/// <summary>Where a connector's relative path resolves: beside the JSON file that sets it, else the working directory.</summary>
public sealed class ConnectorDefinitionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_path_from_a_json_file_resolves_beside_that_file_and_one_from_the_environment_against_the_working_directory()
    {
        var config = Path.Combine(_directory, "conf");
        Directory.CreateDirectory(config);
        await File.WriteAllTextAsync(Path.Combine(config, "appsettings.json"), """
            {"ProfileHub": {"Connectors": {
              "samples": {"Kind": "Web", "Settings": {"path": "connectors/samples/web"}},
              "overridden": {"Kind": "Web", "Settings": {"path": "connectors/samples/web"}},
              "bare": {"Kind": "File"}
            }}}
            """);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(config)
            .AddJsonFile("appsettings.json")
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ProfileHub:Connectors:overridden:Settings:path"] = "exports/web",
                ["ProfileHub:Connectors:cli:Kind"] = "Web",
                ["ProfileHub:Connectors:cli:Settings:path"] = "events.jsonl",
            })
            .Build();

        var baseDirectories = ConnectorDefinition.Read(configuration).ToDictionary(c => c.Name, c => c.BaseDirectory);

        Assert.Equal(config, baseDirectories["samples"]);
        Assert.Equal(Directory.GetCurrentDirectory(), baseDirectories["overridden"]);
        Assert.Equal(Directory.GetCurrentDirectory(), baseDirectories["cli"]);
        Assert.Equal(Directory.GetCurrentDirectory(), baseDirectories["bare"]);
    }

    [Fact]
    public void Retention_days_are_read_beside_the_schedule_absent_keeps_forever_and_a_bad_value_is_refused_naming_the_key()
    {
        static IConfiguration Configure(string? days) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Connectors:web:Kind"] = "Web",
            ["ProfileHub:Connectors:web:RetentionDays"] = days,
        }).Build();

        Assert.Equal(395, ConnectorDefinition.Read(Configure("395")).Single().RetentionDays);
        Assert.Null(ConnectorDefinition.Read(Configure(null)).Single().RetentionDays);
        foreach (var bad in new[] { "0", "-5", "30d", "1.5" })
        {
            var error = Assert.Throws<ProfileHub.Server.Hosting.ConfigurationException>(() => ConnectorDefinition.Read(Configure(bad)));
            Assert.StartsWith("ProfileHub:Connectors:web:RetentionDays: ", error.Message, StringComparison.Ordinal);
        }
    }
}
