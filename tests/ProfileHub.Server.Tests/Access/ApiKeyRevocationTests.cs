using System.Net;
using System.Net.Http.Headers;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Access;

/// <summary>
/// A key revoked while the server runs, by `profilehub apikey revoke` in another process, is refused from the
/// very next request (issue 14: it used to be accepted for up to 30 seconds from a cache), on each database.
/// </summary>
public abstract class ApiKeyRevocationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_key_revoked_from_the_command_line_is_refused_by_the_running_server_at_the_next_request()
    {
        await using var server = await ApiServer.StartAsync(database);
        var secret = server.KeyFor(ApiRole.Marketing);
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(server, secret));

        var directory = Directory.CreateTempSubdirectory("profilehub-revoke-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ProfileHub__Database__Provider"] = database.ProviderName,
                ["ProfileHub__Database__ConnectionString"] = database.ConnectionString,
            };
            await using var revoke = ProfileHubProcess.Start(directory, environment, "apikey", "revoke", "--name", "marketing-key");
            Assert.True(await revoke.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, revoke.Stderr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(server, secret));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(server, server.KeyFor(ApiRole.Steward)));
    }

    private static async Task<HttpStatusCode> WhoAmIAsync(ApiServer server, string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/whoami"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

public sealed class ApiKeyRevocationSqliteTests(SqliteTestDatabase database) : ApiKeyRevocationTests<SqliteTestDatabase>(database);

public sealed class ApiKeyRevocationPostgresTests(PostgresTestDatabase database) : ApiKeyRevocationTests<PostgresTestDatabase>(database);

public sealed class ApiKeyRevocationSqlServerTests(SqlServerTestDatabase database) : ApiKeyRevocationTests<SqlServerTestDatabase>(database);
