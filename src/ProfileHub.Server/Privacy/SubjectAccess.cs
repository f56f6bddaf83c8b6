using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Server.Privacy;

/// <summary>
/// Right of access (GDPR art. 15): everything ProfileHub holds about the person who uses an email address, as
/// one JSON document. The person is every profile holding a record with the address (and every profile merged
/// into one of them); for each: the profile with its attributes and their lineage, its source records as
/// received (raw payload included) with identifiers and consent statements, how each record was linked and the
/// match explanation, its touchpoints, its segment memberships past and present, and its audit history. The
/// same document for `profilehub subject export` and the admin's GraphQL <c>subjectAccess</c>.
/// </summary>
internal static class SubjectAccess
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The document; <c>profiles</c> is empty when ProfileHub holds nothing under the address.</summary>
    public static async Task<JsonObject> ExportAsync(ProfileHubDbContext db, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = IdentifierNormalizer.Email(email)
            ?? throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        var holders = db.RecordIdentifiers.Where(i => i.Kind == IdentifierKind.Email && i.NormalizedValue == normalized).Select(i => i.RecordId);
        var direct = await db.Memberships.Where(m => holders.Contains(m.RecordId)).Select(m => m.ProfileId).Distinct().ToListAsync(cancellationToken);
        var profileIds = new HashSet<Guid>(direct);
        for (var frontier = direct; frontier.Count > 0;)
        {
            frontier = await db.Profiles.Where(p => p.MergedIntoId != null).WhereIn(p => p.MergedIntoId!.Value, frontier).Select(p => p.Id).ToListAsync(cancellationToken);
            frontier.RemoveAll(id => !profileIds.Add(id));
        }

        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Attributes).WhereIn(p => p.Id, profileIds).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var memberships = await db.Memberships.AsNoTracking().WhereIn(m => m.ProfileId, profileIds).ToListAsync(cancellationToken);
        var recordIds = memberships.Select(m => m.RecordId).ToList();
        var records = await db.SourceRecords.AsNoTracking().Include(r => r.Identifiers).Include(r => r.Consents)
            .WhereIn(r => r.Id, recordIds).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var connectors = await db.Connectors.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.SourceRecordId != null)
            .WhereIn(t => t.SourceRecordId!.Value, recordIds).OrderBy(t => t.OccurredAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var segments = await db.SegmentMemberships.AsNoTracking().WhereIn(s => s.ProfileId, profileIds)
            .Join(db.Segments, s => s.SegmentId, g => g.Id, (s, g) => new { s.ProfileId, Segment = g.Name, s.EnteredAt, s.ExitedAt })
            .ToListAsync(cancellationToken);
        var keys = profileIds.Select(id => id.ToString()).ToList();
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "profile").WhereIn(e => e.EntityId, keys)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);

        var document = new
        {
            subject = new { email = normalized, exportedAt = now },
            profiles = profiles.Select(p => new
            {
                id = p.Id,
                p.Status,
                mergedInto = p.MergedIntoId,
                p.CreatedAt,
                p.UpdatedAt,
                attributes = p.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Ordinal).Select(a => new
                {
                    a.Name,
                    a.Value,
                    lineage = new { sourceRecordId = a.SourceRecordId, source = a.Source, a.ObservedAt, a.Rule, a.Pinned },
                }),
                segments = segments.Where(s => s.ProfileId == p.Id).Select(s => new { s.Segment, s.EnteredAt, s.ExitedAt }),
                history = history.Where(e => e.EntityId == p.Id.ToString()).Select(e => new { e.Action, e.Actor, e.OccurredAt, before = Json(e.Before), after = Json(e.After) }),
            }),
            records = records.Select(r => new
            {
                r.Id,
                source = connectors.GetValueOrDefault(r.ConnectorId),
                r.SourceKey,
                profileId = memberships.Single(m => m.RecordId == r.Id).ProfileId,
                r.FirstName,
                r.LastName,
                r.FullName,
                address = r.Address,
                r.BirthDate,
                r.BirthDateRaw,
                r.Gender,
                r.ObservedAt,
                r.IngestedAt,
                rawPayload = Json(r.RawPayload),
                identifiers = r.Identifiers.Select(i => new { i.Kind, i.Value, i.NormalizedValue }),
                consent = r.Consents.OrderBy(c => c.ObservedAt).Select(c => new { c.Channel, c.ContactPoint, c.Status, c.Scope, c.ObservedAt }),
                link = memberships.Where(m => m.RecordId == r.Id).Select(m => new { m.LinkedBy, m.LinkedAt, m.Score, explanation = Json(m.Explanation) }).Single(),
            }),
            touchpoints = touchpoints.Select(t => new
            {
                t.Id,
                source = connectors.GetValueOrDefault(t.ConnectorId),
                recordId = t.SourceRecordId,
                t.SourceEventId,
                t.Channel,
                t.Type,
                t.OccurredAt,
                t.Stage,
                t.Amount,
                t.Currency,
                metrics = Json(t.Metrics),
                properties = Json(t.Properties),
            }),
        };
        return JsonSerializer.SerializeToNode(document, Options)!.AsObject();
    }

    private static JsonNode? Json(string? text) => text is null ? null : JsonNode.Parse(text);
}
