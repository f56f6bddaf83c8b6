using System.Text;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// What a source says about one person, before it is stored as a <see cref="Core.Sources.SourceRecord"/>.
/// <see cref="SourceKey"/> is the source's own key: the pipeline upserts by (connector, source key) and
/// skips a draft whose <see cref="ContentHash"/> equals the stored one (a vendor's resend).
/// </summary>
public sealed record SourceRecordDraft(string SourceKey, DateTimeOffset ObservedAt)
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? FullName { get; init; }

    public AddressDraft Address { get; init; } = new();

    /// <summary>The birth date as written; <see cref="BirthDate"/> parses it (an unparseable one is kept raw).</summary>
    public string? BirthDateRaw { get; init; }

    /// <summary>How to read an all-numeric <see cref="BirthDateRaw"/> such as 03/04/1990 (US sources write month first).</summary>
    public DateOrder BirthDateOrder { get; init; } = DateOrder.DayMonthYear;

    public string? Gender { get; init; }

    public IReadOnlyList<IdentifierDraft> Identifiers { get; init; } = [];

    public IReadOnlyList<ConsentDraft> Consents { get; init; } = [];

    /// <summary>The source's payload as received (JSON, or a CSV row as JSON), kept for lineage.</summary>
    public string? RawPayload { get; init; }

    /// <summary>Where the source read it ("users.csv:12"): the quarantine position if the pipeline must reject it.</summary>
    public string? Position { get; init; }

    public DateOnly? BirthDate => DateNormalizer.Parse(BirthDateRaw, BirthDateOrder).Date;

    /// <summary>
    /// SHA-256 (hex) of the content matching and survivorship use: names, address, birth date, gender, the
    /// normalized identifiers and the consents, in a canonical order. Not the observed time nor the raw
    /// payload, which change with every resend. The one place this hash is defined.
    /// </summary>
    public string ContentHash => _contentHash ??= ComputeContentHash();

    private string? _contentHash;

    private string ComputeContentHash()
    {
        var text = new StringBuilder(256);
        void Field(string? value) => text.Append(value?.Trim()).Append('\u001f');
        Field(FirstName);
        Field(LastName);
        Field(FullName);
        Field(Address.StreetNumber);
        Field(Address.Street);
        Field(Address.AddressLine2);
        Field(Address.City);
        Field(Address.Region);
        Field(Address.PostalCode);
        Field(Address.Country);
        Field(BirthDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? BirthDateRaw);
        Field(Gender);
        foreach (var identifier in Identifiers.Select(i => $"{i.Kind}:{i.Normalized}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Field(identifier);
        }

        text.Append('\u001e');
        foreach (var consent in Consents.Select(c => $"{c.Channel}:{c.Scope}:{c.Status}:{c.ObservedAt.UtcTicks}").Order(StringComparer.Ordinal))
        {
            Field(consent);
        }

        return IdentifierHash.Sha256Hex(text.ToString());
    }
}
