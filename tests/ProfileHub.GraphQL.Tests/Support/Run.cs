using System.Text.Json;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>Runs a query and returns the response JSON, for assertions on exact responses.</summary>
internal static class Run
{
    public static async Task<string> Json(Schema schema, string query, string? variablesJson = null, string? operationName = null, ExecutionOptions? options = null)
    {
        var result = await Result(schema, query, variablesJson, operationName, options);
        return result.ToJson();
    }

    public static Task<ExecutionResult> Result(Schema schema, string query, string? variablesJson = null, string? operationName = null, ExecutionOptions? options = null)
    {
        var variables = variablesJson is null ? null : Plain(variablesJson);
        return new GraphQLExecutor(schema, options).ExecuteAsync(new GraphQLRequest(query, operationName, variables));
    }

    public static IReadOnlyDictionary<string, object?> Plain(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonValues.ToDictionary(document.RootElement);
    }

    /// <summary>Single quotes for readable expected JSON in tests.</summary>
    public static string Q(string json) => json.Replace('\'', '"');
}
