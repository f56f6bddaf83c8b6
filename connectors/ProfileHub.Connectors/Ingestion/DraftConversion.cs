using System.Text;
using System.Text.Json;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Turns drafts into entities, checking what the schema would refuse (key lengths, JSON columns, currency
/// codes) so one bad row is quarantined with its reason instead of failing the whole batch.
/// </summary>
internal sealed class DraftConversion(int connectorId, TouchpointRules rules, DateTimeOffset ingestedAt)
{
    private const int MaxKey = 200;
    private const int MaxIdentifier = 400;
    private const int MaxType = 64;

    public List<RejectedRow> Rejected { get; } = [];

    /// <summary>One entity per source key (the last draft of a key in the batch wins); the number of drafts superseded.</summary>
    public (List<SourceRecord> Records, int Superseded) Records(IReadOnlyList<SourceRecordDraft> drafts)
    {
        var byKey = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        var superseded = 0;
        foreach (var draft in drafts)
        {
            if (ToRecord(draft) is not { } record)
            {
                continue;
            }

            if (byKey.Remove(record.SourceKey))
            {
                superseded++;
            }

            byKey[record.SourceKey] = record;
        }

        return ([.. byKey.Values], superseded);
    }

    public List<Touchpoint> Touchpoints(IReadOnlyList<TouchpointDraft> drafts)
    {
        var touchpoints = new List<Touchpoint>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (ToTouchpoint(draft) is { } touchpoint)
            {
                touchpoints.Add(touchpoint);
            }
        }

        return touchpoints;
    }

    private SourceRecord? ToRecord(SourceRecordDraft draft)
    {
        var problem = KeyProblem("source key", draft.SourceKey)
            ?? draft.Identifiers.Where(i => i.Raw.Length > MaxIdentifier || i.Normalized.Length > MaxIdentifier)
                .Select(i => $"{i.Kind} identifier longer than {MaxIdentifier} characters").FirstOrDefault();
        if (problem is not null)
        {
            Reject(draft.Position ?? $"record {draft.SourceKey}", draft.RawPayload ?? draft.SourceKey, problem);
            return null;
        }

        var record = new SourceRecord(connectorId, draft.SourceKey.Trim(), draft.ObservedAt, ingestedAt)
        {
            FirstName = Text(draft.FirstName),
            LastName = Text(draft.LastName),
            FullName = Text(draft.FullName),
            BirthDate = draft.BirthDate,
            BirthDateRaw = Text(draft.BirthDateRaw),
            Gender = Text(draft.Gender),
            RawPayload = AsJson(draft.RawPayload),
            Address = new PostalAddress
            {
                StreetNumber = Text(draft.Address.StreetNumber),
                Street = Text(draft.Address.Street),
                AddressLine2 = Text(draft.Address.AddressLine2),
                City = Text(draft.Address.City),
                Region = Text(draft.Address.Region),
                PostalCode = Text(draft.Address.PostalCode),
                Country = AddressNormalizer.NormalizeCountry(draft.Address.Country),
            },
        };
        foreach (var identifier in draft.Identifiers.DistinctBy(i => (i.Kind, i.Normalized)))
        {
            record.Identifiers.Add(new RecordIdentifier(identifier.Kind, identifier.Raw, identifier.Normalized));
        }

        foreach (var consent in draft.Consents)
        {
            record.AddConsent(consent.Channel, consent.Status, consent.ObservedAt, consent.Scope);
        }

        record.ApplyContent(draft.ContentHash, draft.ObservedAt, ingestedAt);
        return record;
    }

    private Touchpoint? ToTouchpoint(TouchpointDraft draft)
    {
        var problem = KeyProblem("source event id", draft.SourceEventId)
            ?? (draft.SourceKey is { Length: > MaxKey } ? $"source key longer than {MaxKey} characters" : null)
            ?? (string.IsNullOrWhiteSpace(draft.Type) || draft.Type.Length > MaxType ? $"event type missing or longer than {MaxType} characters" : null)
            ?? (draft.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)) ? $"currency '{currency}' is not an ISO 4217 code" : null)
            ?? (draft.Properties is { } properties && !IsStorableJsonObject(properties) ? "properties are not a JSON object" : null);
        if (problem is not null)
        {
            Reject(draft.Position ?? $"event {draft.SourceEventId}", draft.Properties ?? draft.SourceEventId, problem);
            return null;
        }

        return new Touchpoint(connectorId, draft.SourceEventId, draft.Channel, draft.Type, draft.OccurredAt, rules.Classify(draft.Channel, draft.Type), ingestedAt)
        {
            SourceKey = string.IsNullOrWhiteSpace(draft.SourceKey) ? null : draft.SourceKey,
            Amount = draft.Amount,
            Currency = draft.Currency?.ToUpperInvariant(),
            Metrics = draft.Metrics is { Count: > 0 } metrics ? JsonSerializer.Serialize(metrics) : null,
            Properties = draft.Properties,
        };
    }

    private void Reject(string position, string raw, string reason) => Rejected.Add(new RejectedRow(position, raw, reason));

    private static string? KeyProblem(string what, string? key) =>
        string.IsNullOrWhiteSpace(key) ? $"{what} is missing" : key.Length > MaxKey ? $"{what} longer than {MaxKey} characters" : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Raw payloads go to a JSON column: a non-JSON payload (a CSV line) is stored as a JSON string.</summary>
    private static string? AsJson(string? raw) =>
        raw is null ? null : IsStorableJson(raw, objectOnly: false) ? raw : JsonSerializer.Serialize(raw);

    public static bool IsJson(string text) => IsStorableJson(text, objectOnly: false);

    private static bool IsStorableJsonObject(string json) => IsStorableJson(json, objectOnly: true);

    // PostgreSQL's jsonb refuses the \u0000 escape, so a document containing it is not storable either.
    private static bool IsStorableJson(string json, bool objectOnly)
    {
        if (json.Contains("\\u0000", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || (objectOnly && reader.TokenType != JsonTokenType.StartObject))
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
