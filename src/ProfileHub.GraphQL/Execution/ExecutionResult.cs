using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// The response (spec section 7): <c>errors</c>, <c>data</c> (absent for request errors) and <c>extensions</c>,
/// written straight from the result tree with a <see cref="Utf8JsonWriter"/>.
/// </summary>
public sealed class ExecutionResult
{
    private readonly ResultObject? _data;

    /// <summary>
    /// Escapes only what JSON requires (as JSON.stringify does): the default encoder's HTML-safe escapes of
    /// <c>+ &lt; &gt; &amp; '</c> and non-ASCII text cost bytes and serve no purpose in an API response.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    internal ExecutionResult(ResultObject? data, bool hasData, IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions)
    {
        _data = data;
        HasData = hasData;
        Errors = errors;
        Extensions = extensions;
    }

    /// <summary>False for a request error (syntax, validation, variables, unknown operation): no execution happened.</summary>
    public bool HasData { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The operation that ran (null for request errors before operation selection).</summary>
    public Language.OperationType? Operation { get; internal init; }

    public static ExecutionResult RequestError(params GraphQLError[] errors) => new(null, hasData: false, errors, null);

    internal static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(null, hasData: false, errors, extensions);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WritePropertyName("errors"u8);
            writer.WriteStartArray();
            foreach (var error in Errors)
            {
                WriteError(writer, error);
            }
            writer.WriteEndArray();
        }
        if (HasData)
        {
            writer.WritePropertyName("data"u8);
            if (_data is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteObject(writer, _data);
            }
        }
        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions"u8);
            WritePlain(writer, Extensions);
        }
        writer.WriteEndObject();
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The data as plain values (dictionaries in response order, lists, leaves), for tests and in-process callers.</summary>
    public IReadOnlyDictionary<string, object?>? ToData() => _data is null ? null : (IReadOnlyDictionary<string, object?>?)ToPlain(_data);

    private static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message"u8, error.Message);
        if (error.Locations is { Count: > 0 })
        {
            writer.WritePropertyName("locations"u8);
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, location.Line);
                writer.WriteNumber("column"u8, location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is not null)
        {
            writer.WritePropertyName("path"u8);
            writer.WriteStartArray();
            foreach (var segment in error.Path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue((string)segment);
                }
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions"u8);
            WritePlain(writer, error.Extensions);
        }
        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, ResultObject node)
    {
        writer.WriteStartObject();
        var fields = node.Plan.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WritePropertyName(fields[i].EncodedKey);
            WriteValue(writer, node.Values[i]);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case ResultObject obj: WriteObject(writer, obj); break;
            case ResultList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default: WritePlain(writer, value); break;
        }
    }

    /// <summary>Writes plain values: leaves, dictionaries, lists and JSON elements (extensions, the JSON scalar).</summary>
    internal static void WritePlain(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case short or byte or sbyte or ushort or uint: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case JsonElement element: element.WriteTo(writer); break;
            case DateTimeOffset or DateTime or Guid or Enum: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    WritePlain(writer, pair.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WritePlain(writer, item);
                }
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static object? ToPlain(object? value) => value switch
    {
        ResultObject obj => obj.Plan.Fields.Select((f, i) => (f.ResponseKey, Value: ToPlain(obj.Values[i])))
            .Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal), (map, pair) =>
            {
                map.Add(pair.ResponseKey, pair.Value);
                return map;
            }),
        ResultList list => list.Items.Select(ToPlain).ToList(),
        _ => value,
    };
}
