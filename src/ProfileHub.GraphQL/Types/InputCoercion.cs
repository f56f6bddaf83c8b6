using System.Collections;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// Input coercion of plain values (spec 3.10 list/input-object rules, 6.4.1 variables): variables from JSON and
/// default values given to the schema builder. Messages follow graphql-js's validateInputValue.
/// </summary>
internal static class InputCoercion
{
    /// <summary>Coerces a value that was provided (it may be null). Errors are reported with their path.</summary>
    public static object? Coerce(object? value, GraphQLType type, Action<string, string> onError, string path = "")
    {
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                onError(path, $"Expected value of non-null type \"{type}\" not to be null.");
                return null;
            }
            return Coerce(value, nonNull.OfType, onError, path);
        }
        if (value is null)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary and not IEnumerable<KeyValuePair<string, object?>>)
                {
                    var result = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        result.Add(Coerce(item, list.OfType, onError, path + "[" + index++ + "]"));
                    }
                    return result;
                }
                // A single value where a list is expected becomes a list of one (spec 3.11, input coercion).
                return new List<object?> { Coerce(value, list.OfType, onError, path) };
            case InputObjectType input:
                return CoerceObject(value, input, onError, path);
            case EnumType enumType:
                return CoerceLeaf(() => enumType.ParseValue(value), type, value, onError, path);
            case ScalarType scalar:
                return CoerceLeaf(() => scalar.ParseValue(value), type, value, onError, path);
            default:
                onError(path, $"Expected an input type, found \"{type}\".");
                return null;
        }
    }

    private static object? CoerceLeaf(Func<object> parse, GraphQLType type, object value, Action<string, string> onError, string path)
    {
        try
        {
            return parse();
        }
        catch (CoercionException error)
        {
            onError(path, error.Message);
            return null;
        }
        catch (Exception error) when (error is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            onError(path, $"Expected value of type \"{type}\", but encountered error \"{error.Message}\"; found: {ValuePrinter.Inspect(value)}.");
            return null;
        }
    }

    private static Dictionary<string, object?>? CoerceObject(object value, InputObjectType type, Action<string, string> onError, string path)
    {
        if (value is not IEnumerable<KeyValuePair<string, object?>> fields)
        {
            onError(path, $"Expected value of type \"{type}\" to be an object, found: {ValuePrinter.Inspect(value)}.");
            return null;
        }
        var given = fields as IReadOnlyDictionary<string, object?> ?? fields.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            if (given.TryGetValue(field.Name, out var fieldValue))
            {
                result[field.Name] = Coerce(fieldValue, field.Type, onError, path + "." + field.Name);
            }
            else if (field.HasDefaultValue)
            {
                result[field.Name] = field.DefaultValue;
            }
            else if (field.Type.IsNonNull)
            {
                onError(path, $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {ValuePrinter.Inspect(value)}.");
            }
        }
        foreach (var name in given.Keys)
        {
            if (!type.Fields.ContainsKey(name))
            {
                onError(path, UnknownField(type, name, ValuePrinter.Inspect(value)));
            }
        }
        if (type.IsOneOf)
        {
            CheckOneOf(type, given, onError, path);
        }
        return result;
    }

    private static void CheckOneOf(InputObjectType type, IReadOnlyDictionary<string, object?> given, Action<string, string> onError, string path)
    {
        var message = $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.";
        if (given.Count != 1)
        {
            onError(path, message);
        }
        else
        {
            var only = given.First();
            if (only.Value is null)
            {
                onError(path + "." + only.Key, message);
            }
        }
    }

    /// <summary>graphql-js's message for an unknown input field, with its "Did you mean" suggestions.</summary>
    public static string UnknownField(InputObjectType type, string name, string found)
    {
        var suggestion = Suggestions.DidYouMean(Suggestions.List(name, type.Fields.Keys));
        return $"Expected value of type \"{type}\" not to include unknown field \"{name}\"{(suggestion.Length > 0 ? "." + suggestion + " Found" : ", found")}: {found}.";
    }

    /// <summary>Formats a path like graphql-js's printPathArray (<c> at .a[0].b</c>).</summary>
    public static string AtPath(string path) => path.Length == 0 ? "" : " at " + path;
}
