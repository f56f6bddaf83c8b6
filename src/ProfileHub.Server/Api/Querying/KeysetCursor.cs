using System.Globalization;
using System.Text.Json;
using ProfileHub.Core.Normalization;
using ProfileHub.GraphQL.Execution;

namespace ProfileHub.Server.Api.Querying;

/// <summary>
/// An opaque keyset cursor: the sort-key values of one row plus a fingerprint of the query it came from (the
/// filter and the order), so a cursor used with another query is refused instead of silently skipping rows.
/// Base64url of <c>{"q":fingerprint,"k":[values...]}</c>; values are invariant strings (or null).
/// </summary>
internal static class KeysetCursor
{
    public static string Encode(string fingerprint, IReadOnlyList<object?> values)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new CursorBody(fingerprint, [.. values.Select(Format)]));
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The values of <paramref name="cursor"/>, parsed as <paramref name="types"/>.</summary>
    public static object?[] Decode(string cursor, string fingerprint, IReadOnlyList<Type> types, string argument)
    {
        CursorBody? body;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
            body = JsonSerializer.Deserialize<CursorBody>(bytes);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid(cursor, argument, "it is not a cursor this API issued");
        }

        if (body?.Q is null || body.K is null || body.K.Length != types.Count)
        {
            throw Invalid(cursor, argument, "it is not a cursor this API issued");
        }

        if (body.Q != fingerprint)
        {
            throw Invalid(cursor, argument, "it belongs to a query with another filter or order: page with the same where and order arguments");
        }

        try
        {
            return [.. body.K.Select((value, i) => Parse(value, types[i]))];
        }
        catch (FormatException)
        {
            throw Invalid(cursor, argument, "it is not a cursor this API issued");
        }
    }

    /// <summary>A short hash of the arguments that define a query's rows and order.</summary>
    public static string Fingerprint(params object?[] parts) =>
        IdentifierHash.Sha256Hex(JsonSerializer.Serialize(parts))[..16];

    private static GraphQLException Invalid(string cursor, string argument, string why) =>
        new($"The cursor \"{cursor}\" given as {argument} is not valid: {why}.", ErrorCodes.BadUserInput, new Dictionary<string, object?> { ["argument"] = argument });

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.DayNumber.ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("N"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static object? Parse(string? value, Type type)
    {
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => value,
            _ when target == typeof(DateTimeOffset) => new DateTimeOffset(long.Parse(value, CultureInfo.InvariantCulture), TimeSpan.Zero),
            _ when target == typeof(DateOnly) => DateOnly.FromDayNumber(int.Parse(value, CultureInfo.InvariantCulture)),
            _ when target == typeof(Guid) => Guid.ParseExact(value, "N"),
            _ when target == typeof(long) => long.Parse(value, CultureInfo.InvariantCulture),
            _ when target == typeof(int) => int.Parse(value, CultureInfo.InvariantCulture),
            _ when target == typeof(double) => double.Parse(value, CultureInfo.InvariantCulture),
            _ => throw new FormatException($"No cursor format for {target.Name}."),
        };
    }

    private sealed record CursorBody(string? Q, string?[]? K);
}
