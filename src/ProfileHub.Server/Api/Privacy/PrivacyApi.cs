using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Server.Privacy;

namespace ProfileHub.Server.Api.Privacy;

/// <summary>
/// The data subject's right of access over GraphQL: the document `profilehub subject export` writes
/// (<see cref="SubjectAccess"/>), for admin keys only (ManageKeys and ReadProfiles): it hands over everything about a person in
/// one call, more than any reading role needs for its work. And, for admins, the records of accountability:
/// retention purges and the audit of personal-data reads (<see cref="ReadAudit"/>).
/// </summary>
internal static class PrivacyApi
{
    /// <summary>The most runs <c>retentionRuns</c> returns at once.</summary>
    public const int MaxRetentionRuns = 500;

    public static void Declare(SchemaBuilder schema) => schema
        .Object<ConnectorRetention>("RetentionRun", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("One purge of a connector's data older than its RetentionDays: counts only.")
            .Field("connector", "String!")
            .Field("retentionDays", "Int!", f => f.From<ConnectorRetention>(r => r.Run.RetentionDays))
            .Field("cutoff", "DateTime!", f => f.Description("Touchpoints that occurred, processed inbound payloads received and rows quarantined before it were deleted.").From<ConnectorRetention>(r => r.Run.Cutoff))
            .Field("startedAt", "DateTime!", f => f.From<ConnectorRetention>(r => r.Run.StartedAt))
            .Field("finishedAt", "DateTime!", f => f.From<ConnectorRetention>(r => r.Run.FinishedAt))
            .Field("touchpoints", "Float!", f => f.Description("Touchpoints deleted (a Float: a count can pass GraphQL's 32-bit Int).").From<ConnectorRetention>(r => (double)r.Run.Touchpoints))
            .Field("inboundPayloads", "Float!", f => f.Description("Processed inbound payloads deleted.").From<ConnectorRetention>(r => (double)r.Run.InboundPayloads))
            .Field("quarantinedRows", "Float!", f => f.Description("Quarantined rows deleted.").From<ConnectorRetention>(r => (double)r.Run.QuarantinedRows))
            .Field("profilesRecomputed", "Int!", f => f.Description("Profiles that lost touchpoints and had their computed traits rebuilt.").From<ConnectorRetention>(r => r.Run.ProfilesRecomputed)))
        .Object<PersonalDataRead>("PersonalDataRead", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("An API key read personal data of a profile: the fact only, no value.")
            .Field("readAt", "DateTime!")
            .Field("apiKeyId", "Int!")
            .Field("apiKey", "String!", f => f.Description("The key's name.").From<PersonalDataRead>(r => r.KeyName))
            .Field("field", "String!", f => f.Description("The root field of the request that returned the data (profile, searchProfiles, audience, subjectAccess, ...)."))
            .Field("profileId", "ID!", f => f.From<PersonalDataRead>(r => NodeIds.Profile(r.ProfileId))))
        .Connection("PersonalDataRead");

    public static void AddQueryFields(ObjectTypeBuilder query) => query
        .Field("subjectAccess", "JSON!", f => f
            .Description("Everything ProfileHub holds about the person who uses an email address (GDPR art. 15): profiles with attributes and lineage, source records with identifiers and consent, links with match explanations, touchpoints, segment memberships, history. Admin keys only.")
            .Argument("email", "String!")
            // The document is personal data from top to bottom and a scalar, so no field below it is checked: the
            // root asks for reading profiles as well as the admin's capability.
            .Authorize(FieldAccess.Requires(Capability.ManageKeys | Capability.ReadProfiles))
            .ResolveWith(async c =>
            {
                try
                {
                    var document = await ProfileLoaders.Fetch(c, db => SubjectAccess.ExportAsync(db, c.Argument<string>("email"), c.Services.Get<TimeProvider>().GetUtcNow(), c.CancellationToken));
                    ReadAudit.Note(c, document["profiles"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
                    return (object)JsonSerializer.SerializeToElement(document);
                }
                catch (ArgumentException e)
                {
                    throw new GraphQLException(e.Message, ErrorCodes.BadUserInput);
                }
            }))
        .Field("retentionRuns", "[RetentionRun!]!", f => f
            .Description($"Retention purges, newest first (at most {MaxRetentionRuns}), of one connector or all. Admin keys only.")
            .Argument("connector", "String")
            .Argument("first", "Int", 50)
            .Authorize(FieldAccess.Requires(Capability.ManageKeys))
            .ResolveWith(async c =>
            {
                var first = c.Argument<int>("first");
                if (first is < 1 or > MaxRetentionRuns)
                {
                    throw new GraphQLException($"first must be 1 to {MaxRetentionRuns}.", ErrorCodes.BadUserInput);
                }

                var connector = c.Argument<string?>("connector");
                return await ProfileLoaders.Fetch(c, async db =>
                {
                    var runs = from r in db.RetentionRuns.AsNoTracking()
                               join k in db.Connectors on r.ConnectorId equals k.Id
                               where connector == null || k.Name == connector
                               orderby r.StartedAt descending, r.Id descending
                               select new ConnectorRetention(k.Name, r);
                    return (object)await runs.Take(first).ToListAsync(c.CancellationToken);
                });
            }))
        .ConnectionField("personalDataReads", "PersonalDataRead", f => f
            .Description("Which API key read personal data of which profile, through which root field, when: newest first, filtered by key name, profile and time (from inclusive, to exclusive). Admin keys only.")
            .Argument("apiKey", "String")
            .Argument("profileId", "ID")
            .Argument("from", "DateTime")
            .Argument("to", "DateTime")
            .Authorize(FieldAccess.Requires(Capability.ManageKeys))
            .ResolveWith(async c => await ReadsAsync(c)));

    private static readonly Keyset<PersonalDataRead> NewestFirst = new([KeysetKey<PersonalDataRead>.Of(r => r.Id, SortDirection.Descending)]);

    private static Task<Connection<PersonalDataRead>> ReadsAsync(ResolveContext context)
    {
        var key = context.Argument<string?>("apiKey");
        var profile = context.Argument<string?>("profileId") is { } id ? NodeIds.ParseProfile(id, "profileId") : (Guid?)null;
        var from = context.Argument<DateTimeOffset?>("from")?.ToUniversalTime();
        var to = context.Argument<DateTimeOffset?>("to")?.ToUniversalTime();
        var fingerprint = KeysetCursor.Fingerprint("personalDataReads", key, profile, from?.UtcTicks, to?.UtcTicks);
        return KeysetPage.LoadAsync(
            context.Services.Get<IDbContextFactory<ProfileHub.Storage.ProfileHubDbContext>>(),
            db =>
            {
                var reads = db.PersonalDataReads.AsNoTracking();
                reads = key is null ? reads : reads.Where(r => r.KeyName == key);
                reads = profile is null ? reads : reads.Where(r => r.ProfileId == profile);
                reads = from is null ? reads : reads.Where(r => r.ReadAt >= from);
                return to is null ? reads : reads.Where(r => r.ReadAt < to);
            },
            NewestFirst,
            ConnectionArguments.From(context),
            fingerprint,
            context.CancellationToken);
    }
}
