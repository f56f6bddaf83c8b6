using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Http;

/// <summary>
/// A seeded fuzz of the limits over real HTTP (<see cref="LimitsFuzzCases"/>): every request is answered (data or
/// errors, never a 5xx) within a generous bound, and leaves the server with no request still running.
/// </summary>
public sealed class LimitsFuzzTests : IAsyncLifetime
{
    private const int Seed = 14;
    private const int Count = 156;

    /// <summary>Thousands of times what any of these requests needs: only work that grows out of control reaches it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly object Root = new();

    private GraphQLServer _server = null!;

    private static Schema Schema { get; } = new SchemaBuilder()
        .Object("Query", q => q
            .Field("hello", "String", f => f.Resolve(_ => "hi"))
            .Field("self", "Query", f => f.Resolve(_ => Root))
            .Field("items", "[Query]", f => f.Argument("first", "Int").Cost(1, "first").Resolve(_ => new[] { Root, Root, Root }))
            .Field("echo", "String", f => f.Argument("text", "String").Argument("numbers", "[Int]").Argument("input", "EchoInput").Resolve(Echo))
            .Field("float", "Float", f => f.Argument("value", "Float").Resolve(ctx => ctx.Argument<double?>("value")))
            .Field("thing", "Anything", f => f.Resolve(_ => new Thing("t1"))))
        .Object<Thing>("Thing", t => t.Field("id", "ID!").Field("next", "Thing", f => f.From<Thing>(thing => thing)))
        .Union("Anything", "Thing")
        .Input("EchoInput", i => i.Field("text", "String").Field("nested", "EchoInput").Field("numbers", "[Int]"))
        .Build();

    public async Task InitializeAsync() => _server = await GraphQLServer.StartAsync(Schema, new GraphQLHttpOptions
    {
        Execution = new ExecutionOptions { MaxDepth = LimitsFuzzCases.MaxDepth, MaxCost = LimitsFuzzCases.MaxCost, DefaultListSize = LimitsFuzzCases.DefaultListSize },
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_generated_request_is_answered_in_bounded_time_and_leaves_the_server_idle()
    {
        var failures = new List<string>();
        foreach (var fuzzCase in LimitsFuzzCases.Generate(Seed, Count))
        {
            var failure = await SendAsync(fuzzCase);
            if (failure is null && !await _server.WaitUntilIdleAsync(Bound))
            {
                failure = $"{_server.ActiveRequests} request(s) still running afterwards";
            }
            if (failure is not null)
            {
                failures.Add($"{fuzzCase.Name}: {failure}");
            }
        }

        Assert.Empty(failures);
        using var trivial = await _server.Client.PostAsync(_server.Endpoint, Json("{\"query\":\"{ hello }\"}"));
        Assert.Equal("{\"data\":{\"hello\":\"hi\"}}", await trivial.Content.ReadAsStringAsync());
    }

    /// <summary>Null when the answer is right; what is wrong with it otherwise.</summary>
    private async Task<string?> SendAsync(LimitsFuzzCase fuzzCase)
    {
        using var timeout = new CancellationTokenSource(Bound);
        using var request = fuzzCase.Body is null
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint + fuzzCase.QueryString))
            : new HttpRequestMessage(HttpMethod.Post, _server.Endpoint) { Content = Json(fuzzCase.Body) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        HttpResponseMessage response;
        string text;
        try
        {
            response = await _server.Client.SendAsync(request, timeout.Token);
            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"no answer within {Bound.TotalSeconds} s";
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return $"HTTP {status}: {Truncate(text)}";
            }
            if (status == 414)
            {
                // A URL too long for Kestrel, refused before GraphQL sees it (with no body to check).
                return null;
            }
            JsonElement answer;
            try
            {
                answer = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                return $"HTTP {status}, not JSON: {Truncate(text)}";
            }
            if (!answer.TryGetProperty("data", out _) && !(answer.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0))
            {
                return $"HTTP {status}, neither data nor errors: {Truncate(text)}";
            }
            return fuzzCase.Check?.Invoke(answer) is { } wrong ? $"{wrong}, got HTTP {status} {Truncate(text)}" : null;
        }
    }

    private static object? Echo(ResolveContext context)
    {
        var depth = 0;
        for (var input = context.Arguments.GetValueOrDefault("input") as IReadOnlyDictionary<string, object?>; input is not null; input = input.GetValueOrDefault("nested") as IReadOnlyDictionary<string, object?>)
        {
            depth++;
        }
        var text = context.Argument<string?>("text")?.Length ?? 0;
        var numbers = (context.Arguments.GetValueOrDefault("numbers") as System.Collections.ICollection)?.Count ?? 0;
        return $"text={text} numbers={numbers} depth={depth}";
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;

    private sealed record Thing(string Id);
}
