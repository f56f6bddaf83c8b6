using System.Globalization;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Server.Web.Inbound;

/// <summary>
/// What every inbound endpoint (SendGrid's Event Webhook, the Segment tracking API) checks on a pushed body
/// before storing it as an <see cref="Core.Sources.InboundPayload"/>: its size, read no further than the
/// connector's limit (`maxBodyBytes`), and that it is JSON whose every string is text. Anything else would be
/// stored and fail later, in the connector's run, where the sender can no longer be told.
/// </summary>
internal static class InboundRequest
{
    /// <summary>The connector setting that overrides an endpoint's body limit, in bytes.</summary>
    public const string MaxBodyBytesSetting = "maxBodyBytes";

    private const int ChunkSize = 16 * 1024;

    /// <summary>The connector's body limit: its `maxBodyBytes` setting, else <paramref name="fallback"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is there but is not a positive whole number.</exception>
    public static int MaxBodyBytes(ConnectorSettings settings, int fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.GetString(MaxBodyBytesSetting) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InvalidOperationException($"The connector setting '{MaxBodyBytesSetting}' must be a positive number of bytes (got '{text}').");
    }

    /// <summary>
    /// The request body, or null when it is larger than <paramref name="maxBytes"/>: refused from its
    /// Content-Length when it has one, otherwise as soon as the bytes read pass the limit, so an oversized
    /// post costs at most the limit in memory, never its own size.
    /// </summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Why <paramref name="body"/> is not one JSON document with a root of kind <paramref name="root"/>, or null
    /// when it is. Every string and property name is decoded, because System.Text.Json reads a lone UTF-16
    /// surrogate escape (<c>"\ud800"</c>) and invalid UTF-8 without complaint and only throws (an
    /// <see cref="InvalidOperationException"/>, a server fault) when the value is used.
    /// </summary>
    public static string? JsonProblem(ReadOnlySpan<byte> body, JsonValueKind root)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            reader.Read(); // An empty body throws here, as malformed JSON does.
            if (KindOf(reader.TokenType) != root)
            {
                return $"The body must be a JSON {root.ToString().ToLowerInvariant()}.";
            }

            do
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }
            while (reader.Read());
            return null;
        }
        catch (JsonException e)
        {
            return $"Invalid JSON: {e.Message}";
        }
        catch (InvalidOperationException)
        {
            return $"Invalid JSON: a string near byte {reader.TokenStartIndex} escapes a lone UTF-16 surrogate (\\uD800 to \\uDFFF without its pair) or is not valid UTF-8, so it is not text.";
        }
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        _ => JsonValueKind.Undefined,
    };
}
