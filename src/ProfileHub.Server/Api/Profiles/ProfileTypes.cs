using System.Text.Json;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Core.Survivorship;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Matching;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// The marketing side of the schema: Profile and everything reachable from it (lineage, identifiers,
/// consent, source records, touchpoints, journey, match explanations, history). Fields below a profile load
/// through <see cref="ProfileLoaders"/>, so lists of profiles cost one query per field, not one per profile.
/// </summary>
internal static class ProfileTypes
{
    public static void Declare(SchemaBuilder schema)
    {
        schema
            .Enum<ProfileStatus>()
            .Enum<IdentifierKind>()
            .Enum<ConsentChannel>()
            .Enum<ConsentStatus>()
            .Enum<LinkOrigin>()
            .Enum<MatchDecision>()
            .Enum<Comparison>("ComparisonKind")
            .Enum<TouchpointChannel>()
            .Enum<JourneyStage>()
            .Enum<Initiative>()
            .Enum<FrictionKind>()
            .Interface("Node", i => i
                .Description("An object with a globally unique id: a profile (its UUID), a source record (rec_...), a review item (rev_...).")
                .Field("id", "ID!"))
            .Object<GoldenProfile>("Profile", Profile)
            .Object<ProfileAttributeValue>("ProfileAttribute", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("One survived value of a profile attribute, with its lineage.")
                .Field("name", "String!")
                .Field("value", "String!")
                .Field("ordinal", "Int!", f => f.Description("0 for the survivor; multi-valued attributes (emails, phones) list every value in order."))
                .Field("lineage", "Lineage!", f => f.From<ProfileAttributeValue>(a => a)))
            .Object("Lineage", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("Where a value came from and which survivorship rule chose it.")
                .Field("source", "String", f => f.Description("The connector that supplied the value; null for a steward's pin.").From<ProfileAttributeValue>(a => a.Source))
                .Field("sourceRecord", "SourceRecord", f => f.ResolveWith(RecordOf(c => c.Source<ProfileAttributeValue>().SourceRecordId)))
                .Field("observedAt", "DateTime", f => f.From<ProfileAttributeValue>(a => a.ObservedAt))
                .Field("rule", "String!", f => f.Description("SourceTrust, MostRecent, MostFrequent, MostComplete, Pin, or Conflict for a losing value of a conflict.").From<ProfileAttributeValue>(a => a.Rule))
                .Field("pinned", "Boolean!", f => f.From<ProfileAttributeValue>(a => a.Pinned)))
            .Object<AttributeConflict>("AttributeConflict", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("Equally trusted sources disagree on a single-valued attribute: it stays in the review queue until a steward pins a value.")
                .Field("attribute", "String!")
                .Field("survivor", "ProfileAttribute")
                .Field("candidates", "[ProfileAttribute!]!", f => f.Description("The values that lost, each with its source.")))
            .Object<IdentifierView>("Identifier", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Field("kind", "IdentifierKind!")
                .Field("value", "String!", f => f.Description("As the source wrote it."))
                .Field("normalizedValue", "String!", f => f.Description("As matching compares it (lower-case email, E.164 phone)."))
                .Field("source", "String!")
                .Field("sourceRecord", "SourceRecord", f => f.ResolveWith(RecordOf(c => c.Source<IdentifierView>().RecordId))))
            .Object<ConsentView>("ChannelConsent", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("The latest consent statement of the profile's records for one channel and contact point.")
                .Field("channel", "ConsentChannel!")
                .Field("contactPoint", "String", f => f.Description("The address or number the statement is about (lower-case email, E.164 phone); null when the source named none: then it speaks for the person."))
                .Field("status", "ConsentStatus!")
                .Field("scope", "String")
                .Field("observedAt", "DateTime!")
                .Field("source", "String!"))
            .Object<RecordView>("SourceRecord", SourceRecord)
            .Object("Address", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Field("streetNumber", "String").Field("street", "String").Field("addressLine2", "String").Field("city", "String")
                .Field("region", "String").Field("postalCode", "String").Field("country", "String"))
            .Object<ProfileMembership>("ProfileLink", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("Why a source record belongs to its profile.")
                .Field("record", "SourceRecord!", f => f.ResolveWith(RecordOf(c => c.Source<ProfileMembership>().RecordId)))
                .Field("linkedBy", "LinkOrigin!", f => f.Description("SEED founded the profile, RULE is an automatic match, STEWARD a steward's decision."))
                .Field("score", "Float", f => f.Description("The match weight (log2 Bayes factor) of the link that brought the record in."))
                .Field("linkedAt", "DateTime!")
                .Field("explanation", "MatchExplanation", f => f.From<ProfileMembership>(m => ExplanationJson.Read(m.Explanation))))
            .Object<MatchExplanation>("MatchExplanation", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("How a pair of records scored: each attribute's comparison and weight, and the total.")
                .Field("leftRecord", "SourceRecord", f => f.ResolveWith(RecordOf(c => ExplanationJson.RecordId(c.Source<MatchExplanation>().LeftRecordId))))
                .Field("rightRecord", "SourceRecord", f => f.ResolveWith(RecordOf(c => ExplanationJson.RecordId(c.Source<MatchExplanation>().RightRecordId))))
                .Field("priorWeight", "Float!")
                .Field("totalWeight", "Float!")
                .Field("probability", "Float!")
                .Field("decision", "MatchDecision!")
                .Field("refusalReason", "String")
                .Field("summary", "String!", f => f.Description("The contributions in words, strongest first: \"email exact (+12.1), last name similar (+3.2)\".").From<MatchExplanation>(e => e.Summary()))
                .Field("sentence", "String!", f => f.Description("The explanation as one plain sentence for a person who does not read weights: what agrees, what differs, how likely one person, and what that decided.").From<MatchExplanation>(ExplanationSentence.Of))
                .Field("contributions", "[MatchContribution!]!"))
            .Object<MatchContribution>("MatchContribution", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Field("attribute", "String!").Field("comparison", "ComparisonKind!").Field("level", "String!").Field("weight", "Float!")
                .Field("leftValue", "String").Field("rightValue", "String").Field("note", "String"))
            .Object<TouchpointView>("Touchpoint", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("One interaction with the customer, classified by stage, online/offline, controllable and initiative.")
                .Field("id", "ID!", f => f.From<TouchpointView>(t => t.Touchpoint.Id))
                .Field("source", "String!")
                .Field("sourceEventId", "String!", f => f.From<TouchpointView>(t => t.Touchpoint.SourceEventId))
                .Field("channel", "TouchpointChannel!", f => f.From<TouchpointView>(t => t.Touchpoint.Channel))
                .Field("type", "String!", f => f.From<TouchpointView>(t => t.Touchpoint.Type))
                .Field("occurredAt", "DateTime!", f => f.From<TouchpointView>(t => t.Touchpoint.OccurredAt))
                .Field("stage", "JourneyStage!", f => f.From<TouchpointView>(t => t.Touchpoint.Stage))
                .Field("online", "Boolean!", f => f.From<TouchpointView>(t => t.Touchpoint.Online))
                .Field("controllable", "Boolean!", f => f.From<TouchpointView>(t => t.Touchpoint.Controllable))
                .Field("initiative", "Initiative!", f => f.From<TouchpointView>(t => t.Touchpoint.Initiative))
                .Field("purchase", "Boolean!", f => f.From<TouchpointView>(t => Core.Touchpoints.Journey.IsPurchase(t.Touchpoint)))
                .Field("amount", "Float", f => f.From<TouchpointView>(t => (double?)t.Touchpoint.Amount))
                .Field("currency", "String", f => f.From<TouchpointView>(t => t.Touchpoint.Currency))
                .Field("metrics", "JSON", f => f.From<TouchpointView>(t => Json(t.Touchpoint.Metrics)))
                .Field("properties", "JSON", f => f.From<TouchpointView>(t => Json(t.Touchpoint.Properties))))
            .Connection("Touchpoint")
            .Object<JourneySummary>("Journey", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("The customer's journey in numbers (a sale takes about eight touchpoints).")
                .Field("touchpointCount", "Int!")
                .Field("firstContact", "DateTime").Field("lastContact", "DateTime").Field("firstPurchase", "DateTime")
                .Field("touchpointsBeforeFirstPurchase", "Int", f => f.Description("Null until the first purchase."))
                .Field("purchaseCount", "Int!")
                .Field("byStage", "[StageCount!]!").Field("byChannel", "[ChannelCount!]!")
                .Field("controllable", "Int!").Field("uncontrollable", "Int!").Field("proactive", "Int!").Field("reactive", "Int!")
                .Field("friction", "[Friction!]!", f => f.Description("Touchpoints that signal friction: unsubscribes, spam reports, poor ratings, abandoned carts, cancelled orders.")))
            .Object<FacetCount<JourneyStage>>("StageCount", o => o.AuthorizeFields(FieldAccess.Personal).Field("stage", "JourneyStage!", f => f.From<FacetCount<JourneyStage>>(c => c.Value)).Field("count", "Int!"))
            .Object<FacetCount<TouchpointChannel>>("ChannelCount", o => o.AuthorizeFields(FieldAccess.Personal).Field("channel", "TouchpointChannel!", f => f.From<FacetCount<TouchpointChannel>>(c => c.Value)).Field("count", "Int!"))
            .Object<FrictionEvent>("Friction", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Field("kind", "FrictionKind!")
                .Field("occurredAt", "DateTime!", f => f.From<FrictionEvent>(e => e.Touchpoint.OccurredAt))
                .Field("type", "String!", f => f.From<FrictionEvent>(e => e.Touchpoint.Type))
                .Field("channel", "TouchpointChannel!", f => f.From<FrictionEvent>(e => e.Touchpoint.Channel)))
            .Object<AuditEvent>("AuditEvent", o => o
                .AuthorizeFields(FieldAccess.Personal)
                .Description("One entry of the audit trail: who changed what, with the state before and after.")
                .Field("id", "ID!").Field("actor", "String!").Field("action", "String!").Field("entityType", "String!").Field("entityId", "String!")
                .Field("before", "JSON", f => f.From<AuditEvent>(e => Json(e.Before)))
                .Field("after", "JSON", f => f.From<AuditEvent>(e => Json(e.After)))
                .Field("occurredAt", "DateTime!"));
        TouchpointListing.Declare(schema);
    }

    private static void Profile(ObjectTypeBuilder o) => o
        .Description("A unified customer. Its id is stable across matching runs; a merged profile's id still resolves to the profile it was merged into.")
        .Implements("Node")
        // Who the person is needs ReadProfiles; what any key that sees a profile id (an audience puller's
        // previewSegment sample) may read is the id, its lifecycle and the country (FieldAccess says why).
        .AuthorizeFields(FieldAccess.Personal)
        .Field("id", "ID!", f => f.Authorize(FieldAccess.NotPersonal))
        .Field("version", "Int!", f => f.Description("Increments on every change; steward mutations name the version they saw (optimistic concurrency).").Authorize(FieldAccess.NotPersonal))
        .Field("status", "ProfileStatus!", f => f.Authorize(FieldAccess.NotPersonal))
        .Field("mergedInto", "Profile", f => f.Authorize(FieldAccess.NotPersonal).ResolveWith(c => c.Source<GoldenProfile>().MergedIntoId is { } id ? Box(ProfileLoaders.Profile(c, id)) : new ValueTask<object?>((object?)null)))
        .Field("createdAt", "DateTime!", f => f.Authorize(FieldAccess.NotPersonal))
        .Field("updatedAt", "DateTime!", f => f.Authorize(FieldAccess.NotPersonal))
        .Field("givenName", "String").Field("familyName", "String")
        .Field("email", "String", f => f.Description("The survived primary email.").From<GoldenProfile>(p => p.PrimaryEmail))
        .Field("phone", "String", f => f.Description("The survived primary phone (E.164).").From<GoldenProfile>(p => p.PrimaryPhone))
        .Field("city", "String").Field("country", "String", f => f.Authorize(FieldAccess.NotPersonal)).Field("birthDate", "Date")
        .Field("attributes", "[ProfileAttribute!]!", f => f
            .Description("Every survived value with its lineage (losing values of conflicts are under conflicts).")
            .Argument("names", "[String!]", a => a.Description("Only these attributes (FirstName, Email, ...)."))
            .ResolveWith(async c =>
            {
                var names = c.Argument<List<string>?>("names");
                var all = await ProfileLoaders.Attributes(c, c.Source<GoldenProfile>().Id);
                return all.Where(a => a.Rule != ProfileSurvivorship.ConflictRule && (names is null || names.Contains(a.Name, StringComparer.OrdinalIgnoreCase))).ToList();
            }))
        .Field("attribute", "ProfileAttribute", f => f
            .Description("The survivor of one attribute.")
            .Argument("name", "String!")
            .ResolveWith(async c => (await ProfileLoaders.Attributes(c, c.Source<GoldenProfile>().Id))
                .FirstOrDefault(a => a.Ordinal == 0 && string.Equals(a.Name, c.Argument<string>("name"), StringComparison.OrdinalIgnoreCase))))
        .Field("conflicts", "[AttributeConflict!]!", f => f.ResolveWith(async c => AttributeConflict.Of(await ProfileLoaders.Attributes(c, c.Source<GoldenProfile>().Id))))
        .Field("identifiers", "[Identifier!]!", f => f
            .Description("Every identifier of every member record (several records may carry the same one).")
            .Argument("kinds", "[IdentifierKind!]")
            .ResolveWith(async c =>
            {
                var kinds = c.Argument<List<IdentifierKind>?>("kinds");
                return (await ProfileLoaders.Identifiers(c, c.Source<GoldenProfile>().Id)).Where(i => kinds is null || kinds.Contains(i.Kind)).ToList();
            }))
        .Field("consent", "[ChannelConsent!]!", f => f
            .Description("Per channel and contact point, the most recent consent statement of any member record (an unsubscribe of one address does not hide another address's opt-in, nor the reverse).")
            .ResolveWith(async c => (await ProfileLoaders.Consents(c, c.Source<GoldenProfile>().Id))
                .GroupBy(s => (s.Channel, s.ContactPoint)).Select(g => g.Last()).OrderBy(s => s.Channel).ThenBy(s => s.ContactPoint, StringComparer.Ordinal).ToList()))
        .Field("sourceRecords", "[SourceRecord!]!", f => f.ResolveWith(async c => await ProfileLoaders.Records(c, c.Source<GoldenProfile>().Id)))
        .ConnectionField("touchpoints", "Touchpoint", f => TouchpointListing.Field(f))
        .Field("journey", "Journey!", f => f.ResolveWith(async c =>
            Core.Touchpoints.Journey.Summarize((await ProfileLoaders.Journey(c, c.Source<GoldenProfile>().Id)).Select(t => t.Touchpoint))))
        .Field("links", "[ProfileLink!]!", f => f
            .Description("Each member record with how it was linked and the match explanation of that link.")
            .ResolveWith(async c => await ProfileLoaders.Links(c, c.Source<GoldenProfile>().Id)))
        .Field("history", "[AuditEvent!]!", f => f
            .Description("The audit trail of this profile, newest first.")
            .Argument("first", "Int", 20)
            .ResolveWith(async c => (await ProfileLoaders.History(c, c.Source<GoldenProfile>().Id)).Take(Math.Clamp(c.Argument<int>("first"), 0, 500)).ToList()));

    private static void SourceRecord(ObjectTypeBuilder o) => o
        .Description("What one source system knows about one person.")
        .Implements("Node")
        .AuthorizeFields(FieldAccess.Personal)
        .Field("id", "ID!", f => f.From<RecordView>(r => NodeIds.Record(r.Id)))
        .Field("source", "String!", f => f.Description("The connector's name."))
        .Field("sourceKey", "String!", f => f.Description("The source's own key (Segment userId, Zendesk user id, ...)."))
        .Field("givenName", "String", f => f.From<RecordView>(r => r.FirstName))
        .Field("familyName", "String", f => f.From<RecordView>(r => r.LastName))
        .Field("fullName", "String")
        .Field("address", "Address!", f => f.From<RecordView>(r => r))
        .Field("birthDate", "Date")
        .Field("birthDateRaw", "String", f => f.Description("A birth date the source wrote that no format could read."))
        .Field("gender", "String")
        .Field("observedAt", "DateTime!")
        .Field("ingestedAt", "DateTime!")
        .Field("identifiers", "[Identifier!]!", f => f.ResolveWith(async c =>
        {
            var record = c.Source<RecordView>();
            return record.ProfileId is { } profile
                ? (await ProfileLoaders.Identifiers(c, profile)).Where(i => i.RecordId == record.Id).ToList()
                : [];
        }))
        .Field("profile", "Profile", f => f.ResolveWith(c => c.Source<RecordView>().ProfileId is { } id ? Box(ProfileLoaders.Profile(c, id)) : new ValueTask<object?>((object?)null)));

    private static FieldResolver RecordOf(Func<ResolveContext, long?> id) =>
        context => id(context) is { } record ? Box(ProfileLoaders.Record(context, record)) : new ValueTask<object?>((object?)null);

    private static async ValueTask<object?> Box<T>(Task<T> task) => await task;

    private static JsonElement? Json(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}

/// <summary>A single-valued attribute that equally trusted sources disagree on (survivorship kept the losers as Conflict rows).</summary>
internal sealed record AttributeConflict(string Attribute, ProfileAttributeValue? Survivor, IReadOnlyList<ProfileAttributeValue> Candidates)
{
    public static List<AttributeConflict> Of(IEnumerable<ProfileAttributeValue> attributes) =>
        [.. attributes.GroupBy(a => a.Name)
            .Where(g => g.Any(a => a.Rule == ProfileSurvivorship.ConflictRule))
            .Select(g => new AttributeConflict(g.Key, g.FirstOrDefault(a => a.Ordinal == 0), [.. g.Where(a => a.Rule == ProfileSurvivorship.ConflictRule)]))];
}
