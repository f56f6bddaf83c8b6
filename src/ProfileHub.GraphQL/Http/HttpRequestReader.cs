using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Http;

/// <summary>
/// Reads a GraphQL request from HTTP (GraphQL over HTTP draft, section 5): POST with an application/json body, or
/// GET with URL parameters. Anything malformed becomes an <see cref="HttpProblemException"/>, never a 500.
/// </summary>
internal static class HttpRequestReader
{
    public static async Task<GraphQLRequest> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return ReadQueryString(request.Query);
        }
        CheckContentType(request.ContentType);
        if (request.ContentLength > maxBytes)
        {
            throw new HttpProblemException(HttpProblem.TooLarge, $"The request body is larger than {maxBytes} bytes.");
        }
        var body = await ReadBodyAsync(request.BodyReader, maxBytes, cancellationToken);
        if (body.Length == 0)
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, "The request body is empty.");
        }
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, "The request body is not valid UTF-8.");
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return FromJson(document.RootElement);
        }
        catch (JsonException error)
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, "The request body is not valid JSON: " + error.Message);
        }
    }

    private static void CheckContentType(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            throw new HttpProblemException(HttpProblem.UnsupportedMediaType, "POST requests must have the content type application/json.");
        }
        if (!parsed.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpProblemException(HttpProblem.UnsupportedMediaType, $"Unsupported content type \"{parsed.MediaType}\": use application/json.");
        }
        var charset = parsed.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpProblemException(HttpProblem.UnsupportedMediaType, $"Unsupported charset \"{charset}\": requests must be UTF-8.");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(PipeReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw new HttpProblemException(HttpProblem.TooLarge, $"The request body is larger than {maxBytes} bytes.");
            }
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static GraphQLRequest FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, "The request body must be a JSON object.");
        }
        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        Dictionary<string, object?>? extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (JsonValues.Name(property))
            {
                case "query":
                    query = StringOrNull(property.Value, "query");
                    break;
                case "operationName":
                    operationName = StringOrNull(property.Value, "operationName");
                    break;
                case "variables":
                    variables = MapOrNull(property.Value, "variables");
                    break;
                case "extensions":
                    extensions = MapOrNull(property.Value, "extensions");
                    break;
            }
        }
        if (query is null && extensions?.ContainsKey("persistedQuery") != true)
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, "The request has no \"query\" parameter.");
        }
        return new GraphQLRequest(query, operationName, variables, extensions);
    }

    private static GraphQLRequest ReadQueryString(IQueryCollection parameters)
    {
        var query = Single(parameters, "query");
        var extensions = ParseJsonParameter(Single(parameters, "extensions"), "extensions");
        if (query is null && extensions?.ContainsKey("persistedQuery") != true)
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, "The request has no \"query\" parameter.");
        }
        return new GraphQLRequest(query, Single(parameters, "operationName"), ParseJsonParameter(Single(parameters, "variables"), "variables"), extensions);
    }

    private static string? Single(IQueryCollection parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }
        return values.Count == 1 ? values[0] : throw new HttpProblemException(HttpProblem.MalformedRequest, $"The \"{name}\" parameter is given more than once.");
    }

    private static Dictionary<string, object?>? ParseJsonParameter(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return MapOrNull(document.RootElement, name);
        }
        catch (JsonException error)
        {
            throw new HttpProblemException(HttpProblem.MalformedRequest, $"The \"{name}\" parameter is not valid JSON: {error.Message}");
        }
    }

    private static string? StringOrNull(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => JsonValues.Text(value),
        JsonValueKind.Null => null,
        _ => throw new HttpProblemException(HttpProblem.MalformedRequest, $"The \"{name}\" parameter must be a string."),
    };

    private static Dictionary<string, object?>? MapOrNull(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonValues.ToDictionary(value),
        JsonValueKind.Null => null,
        _ => throw new HttpProblemException(HttpProblem.MalformedRequest, $"The \"{name}\" parameter must be an object."),
    };
}
