using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProfileHub.Server.Tests.Support;

namespace ProfileHub.Server.Tests.Access;

public sealed partial class ApiKeyAccessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("profilehub-keys-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task The_first_start_prints_a_development_admin_key_once_and_requests_need_a_valid_key()
    {
        string developmentKey;
        await using (var server = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]))
        {
            await server.WaitUntilListeningAsync(Timeout);
            developmentKey = DevelopmentKeyLine().Match(server.Stdout).Groups[1].Value;
            Assert.StartsWith("phk_", developmentKey, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, null)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, "phk_not-a-key")).StatusCode);
            var me = await WhoAmIAsync(server, developmentKey);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            using var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
            Assert.Equal("development", body.RootElement.GetProperty("name").GetString());
            Assert.Equal("admin", body.RootElement.GetProperty("role").GetString());
        }

        await using (var again = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]))
        {
            await again.WaitUntilListeningAsync(Timeout);
            Assert.DoesNotMatch(DevelopmentKeyLine(), again.Stdout);
            Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(again, developmentKey)).StatusCode);
        }
    }

    [Fact]
    public async Task Apikey_create_prints_a_key_with_its_role_and_revoke_stops_it()
    {
        var secret = (await RunAsync("apikey", "create", "--role", "marketing", "--name", "campaign-team")).Stdout.Trim();
        Assert.StartsWith("phk_", secret, StringComparison.Ordinal);
        Assert.Contains("campaign-team\tmarketing", (await RunAsync("apikey", "list")).Stdout, StringComparison.Ordinal);

        await using (var server = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]))
        {
            await server.WaitUntilListeningAsync(Timeout);
            using var body = JsonDocument.Parse(await (await WhoAmIAsync(server, secret)).Content.ReadAsStringAsync());
            Assert.Equal("marketing", body.RootElement.GetProperty("role").GetString());
            Assert.Equal(["ReadProfiles"], body.RootElement.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        }

        await RunAsync("apikey", "revoke", "--name", "campaign-team");
        await using (var server = ProfileHubProcess.Start(_workingDirectory, args: ["--urls", "http://127.0.0.1:0"]))
        {
            await server.WaitUntilListeningAsync(Timeout);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, secret)).StatusCode);
        }
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_a_one_line_error()
    {
        await using var process = ProfileHubProcess.Start(_workingDirectory, args: ["apikey", "revoke", "--name", "nobody"]);
        Assert.Equal(2, await process.WaitForExitAsync(Timeout));
        Assert.Equal("profilehub: no active API key is named 'nobody'", process.Stderr.Trim().Split('\n')[^1]);
    }

    private async Task<(string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        await using var process = ProfileHubProcess.Start(_workingDirectory, args: args);
        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        return (process.Stdout, process.Stderr);
    }

    private async Task<HttpResponseMessage> WhoAmIAsync(ProfileHubProcess server, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/whoami"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(request);
    }

    [GeneratedRegex(@"development admin API key .*: (phk_\S+)")]
    private static partial Regex DevelopmentKeyLine();
}
