using System.Globalization;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>Timestamps as vendors write them.</summary>
internal static class VendorTime
{
    /// <summary>
    /// ISO 8601 with the offset either as +00:00 or as Graph API's "+0000" (2024-03-01T10:15:00+0000),
    /// or a space instead of the 'T' (CSV exports); a time without an offset is taken as UTC.
    /// </summary>
    public static DateTimeOffset? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (value.Length > 5 && value[^5] is '+' or '-' && char.IsAsciiDigit(value[^4]) && value.IndexOf(':', value.Length - 5) < 0)
        {
            value = string.Concat(value.AsSpan(0, value.Length - 2), ":", value.AsSpan(value.Length - 2));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    public static string ToIso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
