using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Hosting;

public sealed class ServeVerbTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("profilehub-serve-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Serve_starts_on_sqlite_with_no_configuration_and_reports_ready()
    {
        await using var server = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]);
        await server.WaitUntilListeningAsync(StartTimeout);

        var live = await _http.GetAsync(new Uri(server.BaseAddress, "/health/live"));
        var ready = await _http.GetAsync(new Uri(server.BaseAddress, "/health/ready"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var database = Path.Combine(_workingDirectory, "data", "profilehub.db");
        Assert.True(File.Exists(database), "the embedded database is created under ./data/");
        Assert.Contains($"ProfileHub is serving sqlite file {database} at http://127.0.0.1:", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_listens_where_ASPNETCORE_URLS_says_when_no_urls_argument_is_given()
    {
        var port = FreePort.Find();
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        await using var server = ProfileHubProcess.Start(_workingDirectory, environment, "serve");
        await server.WaitUntilListeningAsync(StartTimeout);

        Assert.Equal(port, server.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(server.BaseAddress, "/health/live"))).StatusCode);
    }

    [Fact]
    public async Task Start_up_warns_naming_each_webhook_connector_that_takes_unsigned_posts_or_refuses_every_post()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var environment = new Dictionary<string, string>();
        foreach (var (name, setting, value) in new[]
                 {
                     ("optedout", "allowUnsigned", "true"),
                     ("keyless", "defaultRegion", "US"),
                     ("signed", "verificationKey", Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())),
                 })
        {
            environment[$"ProfileHub__Connectors__{name}__Kind"] = "Email";
            environment[$"ProfileHub__Connectors__{name}__Format"] = "sendgrid-webhook";
            environment[$"ProfileHub__Connectors__{name}__Settings__{setting}"] = value;
        }

        await using var server = ProfileHubProcess.Start(_workingDirectory, environment, "serve", "--urls", "http://127.0.0.1:0");
        await server.WaitUntilListeningAsync(StartTimeout);

        Assert.Contains("Connector optedout accepts UNSIGNED SendGrid webhook posts from anyone (allowUnsigned is true", server.Stdout, StringComparison.Ordinal);
        Assert.Contains("Connector keyless refuses every post (401) until verificationKey is set", server.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Connector signed", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_already_in_use_stops_start_up_with_one_line_and_no_stack_trace()
    {
        await using var first = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]);
        await first.WaitUntilListeningAsync(StartTimeout);
        var taken = first.BaseAddress.GetLeftPart(UriPartial.Authority);

        await using var second = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", taken]);

        Assert.Equal(2, await second.WaitForExitAsync(StartTimeout));
        var stderr = second.Stderr.Trim();
        Assert.Contains($"profilehub: Failed to bind to address {taken}", stderr, StringComparison.Ordinal);
        Assert.Contains("--urls", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_uses_postgres_when_the_environment_says_so()
    {
        var name = $"profilehub_serve_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
            var environment = new Dictionary<string, string>
            {
                ["ProfileHub__Database__Provider"] = "postgres",
                ["ProfileHub__Database__ConnectionString"] = connection,
            };
            await using (var server = ProfileHubProcess.Start(_workingDirectory, environment, "serve", "--urls", "http://127.0.0.1:0"))
            {
                await server.WaitUntilListeningAsync(StartTimeout);
                var ready = await _http.GetStringAsync(new Uri(server.BaseAddress, "/health/ready"));
                Assert.Contains("postgres database " + name, ready, StringComparison.Ordinal);
                Assert.False(Directory.Exists(Path.Combine(_workingDirectory, "data")));
            }
        }
        finally
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [Theory]
    [InlineData("ProfileHub__Database__Provider=mysql|ProfileHub__Database__ConnectionString=", "profilehub: ProfileHub:Database:Provider: unknown provider 'mysql' (expected 'sqlite', 'postgres' or 'sqlserver')")]
    [InlineData("ProfileHub__Database__Provider=postgres|ProfileHub__Database__ConnectionString=", "profilehub: ProfileHub:Database:ConnectionString: required when the provider is postgres")]
    [InlineData("ProfileHub__Database__Provider=postgres|ProfileHub__Database__ConnectionString=Host=127.0.0.1;Port=1;Username=x;Database=y", "profilehub: ProfileHub:Database:ConnectionString: cannot reach PostgreSQL at 127.0.0.1:1")]
    [InlineData("ProfileHub__Matching__LowerThreshold=9", "profilehub: ProfileHub:Matching:LowerThreshold: 9 is above UpperThreshold (0)")]
    [InlineData("ProfileHub__Matching__UpperTreshold=9", "profilehub: ProfileHub:Matching: ")]
    [InlineData("ProfileHub__Matching__DefaultPhoneRegion=Britain", "profilehub: ProfileHub:Matching:DefaultPhoneRegion: 'Britain' is not an ISO 3166 region code")]
    [InlineData("ProfileHub__Connectors__mail__Kind=Email|ProfileHub__Connectors__mail__Format=sendgrid-webhook|ProfileHub__Connectors__mail__Settings__maxBodyBytes=lots", "profilehub: ProfileHub:Connectors:mail:Settings:maxBodyBytes: The connector setting 'maxBodyBytes' must be a positive number of bytes (got 'lots').")]
    [InlineData("ProfileHub__Connectors__mail__Kind=Email|ProfileHub__Connectors__mail__Format=sendgrid-webhook|ProfileHub__Connectors__mail__Settings__verificationKey=not a key", "profilehub: ProfileHub:Connectors:mail:Settings:verificationKey: ")]
    public async Task Misconfiguration_stops_start_up_with_one_line_naming_the_setting(string settings, string expected)
    {
        // KEY=VALUE pairs separated by '|' (a connection string has its own '=' and ';').
        var environment = settings.Split('|').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        await using var server = ProfileHubProcess.Start(_workingDirectory, environment, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, await server.WaitForExitAsync(StartTimeout));
        var line = Assert.Single(server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Stdout + server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_applies_the_schema_and_a_newer_database_is_refused_unchanged()
    {
        await using (var migrate = ProfileHubProcess.Start(_workingDirectory, args: "migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync(StartTimeout));
            // Verbs log to stderr, keeping stdout for their output.
            Assert.Contains("Applied migration sqlite/0001_initial.sql", migrate.Stderr, StringComparison.Ordinal);
        }

        var file = Path.Combine(_workingDirectory, "data", "profilehub.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (9999, '9999_from_the_future.sql', 'x', 'later')";
            await command.ExecuteNonQueryAsync();
        }

        var before = await File.ReadAllBytesAsync(file);
        await using var serve = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]);
        Assert.Equal(2, await serve.WaitForExitAsync(StartTimeout));
        Assert.Contains("newer ProfileHub", serve.Stderr, StringComparison.Ordinal);
        Assert.Contains("9999_from_the_future.sql", serve.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Serve_started_outside_the_repository_loads_the_demo_data_on_its_schedule()
    {
        // The shipped configuration, with one small sample connector due every second and the others off.
        var environment = new Dictionary<string, string> { ["ProfileHub__Connectors__sample-loyalty__Schedule"] = "* * * * * ?" };
        foreach (var other in new[] { "web", "mailchimp", "sendgrid", "social", "leads", "conversions", "display-ads", "zendesk", "stores" })
        {
            environment[$"ProfileHub__Connectors__sample-{other}__Enabled"] = "false";
        }

        await using var server = ProfileHubProcess.Start(_workingDirectory, environment, "serve", "--urls", "http://127.0.0.1:0");
        await server.WaitUntilListeningAsync(StartTimeout);

        var file = Path.Combine(_workingDirectory, "data", "profilehub.db");
        using var patience = new CancellationTokenSource(StartTimeout);
        while (await ScalarAsync(file, "SELECT count(*) FROM connector_runs WHERE status = 'Succeeded' AND rows_accepted > 0") == 0)
        {
            Assert.False(patience.IsCancellationRequested, $"the demo data did not load.\n{server.Stdout}\n{server.Stderr}");
            await Task.Delay(200, CancellationToken.None);
        }

        Assert.True(await ScalarAsync(file, "SELECT count(*) FROM source_records") > 0);
    }

    private static async Task<long> ScalarAsync(string file, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTestDatabase.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
