using System.Globalization;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Files;

/// <summary>
/// The `columns` setting of a file connector: source column → attribute, with the attribute names of
/// `profilehub resolve` (<see cref="AttributeNames.All"/>; the multi-valued ones, Email and Phone, may be
/// mapped from several columns) plus the touchpoint columns EventId, EventType, OccurredAt, Channel,
/// Amount, Currency and ObservedAt. The record key is the `keyColumn` setting, else the ExternalId column.
/// </summary>
internal sealed class ColumnMapping
{
    // Attribute names are exact here (unlike `resolve --map`): rows are read by these names.
    private static readonly string[] Attributes =
        [.. AttributeNames.All, "EventId", "EventType", "OccurredAt", "Channel", "Amount", "Currency", "ObservedAt"];

    private readonly Dictionary<string, List<string>> _columnsByAttribute = new(StringComparer.Ordinal);
    private readonly string? _keyColumn;
    private readonly string? _defaultRegion;
    private readonly DateOrder _dateOrder;
    private readonly TouchpointChannel _channel;

    public ColumnMapping(ConnectorSettings settings, string? defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (column, attribute) in settings.GetMap("columns"))
        {
            if (!Attributes.Contains(attribute))
            {
                throw new InvalidOperationException($"Column '{column}' is mapped to '{attribute}', which is not an attribute ({string.Join(' ', Attributes)}).");
            }

            var columns = _columnsByAttribute.TryGetValue(attribute, out var list) ? list : _columnsByAttribute[attribute] = [];
            if (columns.Count > 0 && !AttributeNames.IsMultiValued(attribute))
            {
                throw new InvalidOperationException($"Only {AttributeNames.MultiValuedText} may be mapped from several columns; '{attribute}' is mapped from '{columns[0]}' and '{column}'.");
            }

            columns.Add(column);
        }

        _keyColumn = settings.GetString("keyColumn") ?? _columnsByAttribute.GetValueOrDefault(AttributeNames.ExternalId)?[0];
        _defaultRegion = defaultRegion;
        _dateOrder = string.Equals(settings.GetString("dateOrder"), "MDY", StringComparison.OrdinalIgnoreCase) ? DateOrder.MonthDayYear : DateOrder.DayMonthYear;
        _channel = Enum.TryParse<TouchpointChannel>(settings.GetString("channel"), ignoreCase: true, out var channel) ? channel : TouchpointChannel.Offline;
        if (_keyColumn is null && !_columnsByAttribute.ContainsKey("EventId"))
        {
            throw new InvalidOperationException("A file connector needs `keyColumn` (or a column mapped to ExternalId) for records, or a column mapped to EventId for touchpoints.");
        }
    }

    /// <summary>
    /// Turns one row (column → value) into a record and/or a touchpoint, or a reason to quarantine it.
    /// A row with a key gives a record; a row with an event id gives a touchpoint.
    /// </summary>
    public (SourceRecordDraft? Record, TouchpointDraft? Touchpoint, string? Problem) Map(Func<string, string?> row, string position, string raw, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(row);
        string? One(string attribute) => _columnsByAttribute.TryGetValue(attribute, out var columns) ? Clean(row(columns[0])) : null;
        IEnumerable<string> All(string attribute) => _columnsByAttribute.TryGetValue(attribute, out var columns)
            ? columns.Select(c => Clean(row(c))).OfType<string>()
            : [];

        var key = _keyColumn is null ? null : Clean(row(_keyColumn));
        var eventId = One("EventId");
        if (key is null && eventId is null)
        {
            return (null, null, _keyColumn is null ? "missing event id" : $"missing key column '{_keyColumn}'");
        }

        if (!TryTime(One("ObservedAt"), readAt, out var observedAt) || !TryTime(One("OccurredAt"), observedAt, out var occurredAt))
        {
            return (null, null, "unreadable ObservedAt or OccurredAt (expected an ISO 8601 date and time)");
        }

        decimal? amount = null;
        if (One("Amount") is { } amountText)
        {
            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return (null, null, $"Amount '{amountText}' is not a number");
            }

            amount = parsed;
        }

        var record = key is null ? null : Record(key, observedAt, One, All, position, raw);
        TouchpointDraft? touchpoint = null;
        if (eventId is not null)
        {
            var type = One("EventType") is { } typeText ? Web.SegmentComMapping.SnakeCase(typeText) : null;
            if (string.IsNullOrEmpty(type))
            {
                return (null, null, "an event row needs its EventType");
            }

            var channel = One("Channel") is { } channelText && Enum.TryParse<TouchpointChannel>(channelText, ignoreCase: true, out var c) ? c : _channel;
            touchpoint = new TouchpointDraft(eventId, key, channel, type, occurredAt)
            {
                Amount = amount,
                Currency = One("Currency"),
                Position = position,
            };
        }

        return (record, touchpoint, null);
    }

    private SourceRecordDraft Record(string key, DateTimeOffset observedAt, Func<string, string?> one, Func<string, IEnumerable<string>> all, string position, string raw)
    {
        var country = one(AttributeNames.Country);
        IdentifierDraft?[] identifiers =
        [
            .. all(AttributeNames.Email).Select(IdentifierDraft.Email),
            .. all(AttributeNames.Phone).Select(p => IdentifierDraft.Phone(p, country ?? _defaultRegion)),
            IdentifierDraft.Key(IdentifierKind.ExternalId, one(AttributeNames.ExternalId)),
            IdentifierDraft.Key(IdentifierKind.LoyaltyId, one(AttributeNames.LoyaltyId)),
            IdentifierDraft.Key(IdentifierKind.SocialHandle, one(AttributeNames.SocialHandle)),
            IdentifierDraft.Key(IdentifierKind.NationalId, one(AttributeNames.NationalId)),
        ];
        return new SourceRecordDraft(key, observedAt)
        {
            FirstName = one(AttributeNames.FirstName),
            LastName = one(AttributeNames.LastName),
            FullName = one(AttributeNames.FullName),
            Address = new AddressDraft
            {
                StreetNumber = one(AttributeNames.StreetNumber),
                Street = one(AttributeNames.Street),
                AddressLine2 = one(AttributeNames.AddressLine2),
                City = one(AttributeNames.City),
                Region = one(AttributeNames.Region),
                PostalCode = one(AttributeNames.PostalCode),
                Country = country,
            },
            BirthDateRaw = one(AttributeNames.BirthDate),
            BirthDateOrder = _dateOrder,
            Gender = one(AttributeNames.Gender),
            Identifiers = [.. identifiers.OfType<IdentifierDraft>()],
            RawPayload = raw,
            Position = position,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An ISO 8601 time; without an offset it is taken as UTC. Missing: <paramref name="fallback"/>.</summary>
    private static bool TryTime(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        return text is null || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
