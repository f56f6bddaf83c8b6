using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Storage;

namespace ProfileHub.Server.Tests.Api.Access;

/// <summary>
/// Every personal value the test database holds (names, emails, phones, cities, streets, birth dates,
/// identifiers), read from the database rather than listed by hand, so data added to the scenario is covered.
/// A response leaks one when a string in its data equals it (ignoring case), or contains one long enough
/// not to occur by chance (an email, a phone, a full name inside a summary).
/// </summary>
internal sealed class SeededPersonalValues
{
    /// <summary>Shorter values ("Eve", "hull") are matched whole only: "Every" is not Eve.</summary>
    private const int SubstringLength = 8;

    private readonly HashSet<string> _values;

    private SeededPersonalValues(HashSet<string> values) => _values = values;

    public int Count => _values.Count;

    public static async Task<SeededPersonalValues> ReadAsync(ProfileHubDbContext db)
    {
        var profiles = await db.Profiles.Select(p => new { p.GivenName, p.FamilyName, p.PrimaryEmail, p.PrimaryPhone, p.City, p.BirthDate }).ToListAsync();
        var records = await db.SourceRecords.Select(r => new { r.FirstName, r.LastName, r.FullName, r.Address.Street, r.Address.City, r.Address.PostalCode, r.BirthDate }).ToListAsync();
        var identifiers = await db.RecordIdentifiers.Select(i => new { i.Value, i.NormalizedValue }).ToListAsync();
        var values = profiles.SelectMany(p => new[] { p.GivenName, p.FamilyName, p.PrimaryEmail, p.PrimaryPhone, p.City, Date(p.BirthDate) })
            .Concat(records.SelectMany(r => new[] { r.FirstName, r.LastName, r.FullName, r.Street, r.City, r.PostalCode, Date(r.BirthDate) }))
            .Concat(identifiers.SelectMany(i => new[] { i.Value, i.NormalizedValue }))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!);
        return new SeededPersonalValues(new HashSet<string>(values, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The personal values in the response's data.</summary>
    public List<string> FoundIn(JsonElement body)
    {
        if (!body.TryGetProperty("data", out var data))
        {
            return [];
        }

        var longValues = _values.Where(v => v.Length >= SubstringLength).ToList();
        return [.. Strings(data)
            .SelectMany(s => _values.Contains(s) ? [s] : longValues.Where(v => s.Contains(v, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
