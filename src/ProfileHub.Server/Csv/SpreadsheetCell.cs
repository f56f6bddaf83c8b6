using System.Text.RegularExpressions;

namespace ProfileHub.Server.Csv;

/// <summary>
/// CSV injection (OWASP): a spreadsheet runs a cell that begins with '=', '+', '-', '@', a tab or a carriage
/// return as a formula, and names reach ProfileHub from sources nobody controls (social comments, lead forms).
/// Every CSV ProfileHub writes passes its text cells through <see cref="Neutralize"/>: such a cell gets a
/// leading apostrophe, which spreadsheets show as text and do not display. Numbers are left as they are,
/// so a negative weight stays -3.96 and an E.164 phone stays +447700900123.
/// </summary>
internal static partial class SpreadsheetCell
{
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') || Number().IsMatch(value))
        {
            return value ?? string.Empty;
        }

        return "'" + value;
    }

    /// <summary>A plain decimal number or an E.164 phone number: data, not a formula.</summary>
    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
