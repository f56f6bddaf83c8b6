using System.Globalization;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Matching;

/// <summary>
/// Turns a raw <see cref="MatchInput"/> into matching features by calling the normalizers
/// (ProfileHub.Core.Normalization); it adds no normalization rules of its own beyond trimming
/// identifiers. Thread-safe: batch resolve runs it in parallel.
/// </summary>
internal static class FeatureExtractor
{
    public static NormalizedRecord Extract(MatchInput record, MatchSettings settings)
    {
        var result = new NormalizedRecord { Id = record.Id };
        ExtractNames(record, result);
        ExtractBirthDate(record, result);
        ExtractAddress(record, result);
        ExtractContacts(record, result, settings);
        result.Gender = Identifier(record[AttributeName.Gender]);
        result.NationalId = Identifier(record[AttributeName.NationalId]);
        result.LoyaltyId = Identifier(record[AttributeName.LoyaltyId]);
        result.SocialHandle = Handle(record[AttributeName.SocialHandle]);
        result.ExternalId = Identifier(record[AttributeName.ExternalId]);
        result.Source = Identifier(record[AttributeName.Source]);
        return result;
    }

    private static void ExtractNames(MatchInput record, NormalizedRecord result)
    {
        var given = NameNormalizer.Normalize(record[AttributeName.FirstName]);
        var family = NameNormalizer.Normalize(record[AttributeName.LastName]);
        if ((given is null || family is null) && record[AttributeName.FullName] is { } fullName)
        {
            var parsed = NameNormalizer.Parse(fullName);
            if (given is null && family is null)
            {
                // Read as the parser splits it; NameWordRoles settles the middle words once the run's names are counted.
                result.Middle = NameNormalizer.Normalize(parsed.Middle);
                result.NamesFromFullName = true;
            }

            given ??= NameNormalizer.Normalize(parsed.Given);
            family ??= NameNormalizer.Normalize(parsed.Family);
        }

        SetNames(result, given, family);
    }

    /// <summary>The given and family names and what matching derives from them (canonical form, codes).</summary>
    public static void SetNames(NormalizedRecord result, string? given, string? family)
    {
        result.Given = given;
        result.Family = family;
        result.GivenCanonical = given is null ? null : NameNormalizer.CanonicalGivenName(given);
        result.GivenCode = Nysiis.Encode(result.GivenCanonical);
        result.GivenOwnCode = result.GivenCanonical == given ? result.GivenCode : Nysiis.Encode(given);
        result.FamilyCode = Nysiis.Encode(family);
    }

    private static void ExtractBirthDate(MatchInput record, NormalizedRecord result)
    {
        var raw = record[AttributeName.BirthDate];
        if (raw is null)
        {
            return;
        }

        var parsed = DateNormalizer.Parse(raw, DateOrder.DayMonthYear);
        if (parsed.Date is { } date)
        {
            result.BirthKey = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            result.BirthYear = date.Year;
            result.BirthDay = date.DayNumber + 1;
            return;
        }

        // Unparseable (19081232, "31/02/1980"): kept as its digits, so a typo of a real date still
        // compares as one typo apart.
        var digits = string.Concat(raw.Where(char.IsAsciiDigit));
        result.BirthKey = digits.Length >= 6 ? digits : raw.ToLowerInvariant();
        if (digits.Length == 8 && digits[0] is '1' or '2'
            && int.TryParse(digits.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            result.BirthYear = year;
        }

        (result.Notes ??= []).Add($"birth date '{raw}' could not be parsed; compared as text");
    }

    private static void ExtractAddress(MatchInput record, NormalizedRecord result)
    {
        var country = AddressNormalizer.NormalizeCountry(record[AttributeName.Country]);
        var street = AddressNormalizer.NormalizeStreet(record[AttributeName.Street], record[AttributeName.AddressLine2]);
        result.StreetNumber = Identifier(record[AttributeName.StreetNumber]) ?? street.Number;
        result.Street = street.Street;
        result.City = AddressNormalizer.NormalizeCity(record[AttributeName.City]);
        result.PostalCode = AddressNormalizer.NormalizePostalCode(record[AttributeName.PostalCode], country);
    }

    private static void ExtractContacts(MatchInput record, NormalizedRecord result, MatchSettings settings)
    {
        foreach (var raw in record.Emails)
        {
            if (EmailNormalizer.Normalize(raw) is { } email)
            {
                AddDistinct(result.Emails, email.Value);
                if (email.GmailCanonical is { } gmail)
                {
                    AddDistinct(result.GmailKeys, gmail);
                }
            }
        }

        var region = settings.DefaultPhoneRegion ?? AddressNormalizer.NormalizeCountry(record[AttributeName.Country]);
        foreach (var raw in record.Phones)
        {
            var phone = PhoneNormalizer.Normalize(raw, region);
            var value = phone.IsValid ? phone.E164 : string.Concat(raw.Where(char.IsAsciiDigit));
            if (!string.IsNullOrEmpty(value))
            {
                AddDistinct(result.Phones, value);
            }
        }
    }

    private static void AddDistinct(List<string> values, string value)
    {
        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }

    /// <summary>
    /// A handle without its '@', in lower case. Dots and underscores stay: on the platforms that allow them
    /// they tell accounts apart (sandra.phan and sandra_phan are two people).
    /// </summary>
    private static string? Handle(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var kept = string.Concat(raw.Trim().TrimStart('@').Where(c => char.IsLetterOrDigit(c) || c is '.' or '_')).ToLowerInvariant();
        return kept.Length == 0 ? null : kept;
    }

    /// <summary>Identifiers compare case-insensitively, ignoring spaces and punctuation.</summary>
    private static string? Identifier(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var kept = string.Concat(raw.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        return kept.Length == 0 ? null : kept;
    }
}
