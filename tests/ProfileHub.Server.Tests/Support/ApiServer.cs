using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// The real `profilehub serve` on a test database (either provider), without schedules, with one API key
/// per role, and a GraphQL client over loopback HTTP.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly ProfileHubProcess _process;
    private readonly string _workingDirectory;
    private readonly HttpClient _http = new();
    private readonly Dictionary<ApiRole, string> _keys;

    private ApiServer(ProfileHubProcess process, string workingDirectory, Dictionary<ApiRole, string> keys)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        _keys = keys;
    }

    public Uri BaseAddress => _process.BaseAddress;

    public Uri Endpoint => new(BaseAddress, "/graphql");

    public string Stderr => _process.Stderr;

    public static async Task<ApiServer> StartAsync(TestDatabase database)
    {
        var keys = new Dictionary<ApiRole, string>();
        await using (var db = database.CreateContext())
        {
            foreach (var role in Enum.GetValues<ApiRole>())
            {
                var (key, secret) = ApiKey.Create($"{role.ToString().ToLowerInvariant()}-key", role, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
                db.ApiKeys.Add(key);
                keys[role] = secret;
            }

            await db.SaveChangesAsync();
        }

        var directory = Directory.CreateTempSubdirectory("profilehub-api-").FullName;
        var process = ProfileHubProcess.Start(
            directory,
            new Dictionary<string, string>
            {
                ["ProfileHub__Database__Provider"] = database.ProviderName,
                ["ProfileHub__Database__ConnectionString"] = database.ConnectionString,
                ["ProfileHub__Scheduling__Enabled"] = "false",
            },
            "serve",
            "--urls",
            "http://127.0.0.1:0");
        await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        return new ApiServer(process, directory, keys);
    }

    /// <summary>The secret of the API key created for <paramref name="role"/> (for clients other than <see cref="PostAsync"/>).</summary>
    public string KeyFor(ApiRole role) => _keys[role];

    /// <summary>Posts a GraphQL request as <paramref name="role"/> (null: without a key).</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, ApiRole? role = ApiRole.Admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (role is { } r)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _keys[r]);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(",", values) : null;
        var parsed = JsonDocument.Parse(body).RootElement.Clone();

        // A failing test shows what the server logged (a masked resolver error's real exception is there).
        var text = parsed.TryGetProperty("errors", out _) ? body + "\nserver log:\n" + _process.Stderr + _process.Stdout : body;
        return new GraphQLResponse((int)response.StatusCode, parsed, timing, text);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}

/// <summary>A GraphQL response: status, body, and the SQL command count from the Server-Timing header.</summary>
internal sealed record GraphQLResponse(int Status, JsonElement Body, string? ServerTiming, string Text)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0;

    /// <summary>The extensions.code of each error, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes => HasErrors
        ? [.. Body.GetProperty("errors").EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)]
        : [];

    public int SqlCommands => ServerTiming is { } timing && System.Text.RegularExpressions.Regex.Match(timing, "desc=\"(\\d+) commands\"") is { Success: true } m
        ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("The response has no Server-Timing header with a command count.");

    /// <summary>Fails with the whole body when the response has errors (for tests that expect success).</summary>
    public GraphQLResponse Ok()
    {
        Assert.False(HasErrors, Text);
        Assert.Equal(200, Status);
        return this;
    }
}
