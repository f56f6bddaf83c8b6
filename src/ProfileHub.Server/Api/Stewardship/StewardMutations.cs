using ProfileHub.Core.Access;
using ProfileHub.Core.Stewardship;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Stewardship;

namespace ProfileHub.Server.Api.Stewardship;

/// <summary>
/// The steward's mutations (StewardActions does the work). Each names the profile versions the steward saw;
/// a refusal is a field error with a code (STALE_VERSION, NOT_FOUND, INVALID_STATE, CONSTRAINT_CONFLICT,
/// ALREADY_ERASED, AUTH_NOT_AUTHORIZED) and the field is null: nothing was changed.
/// </summary>
internal static class StewardMutations
{
    public static void Declare(SchemaBuilder schema) => schema
        .Input("ProfileVersionInput", i => i
            .Description("A profile and the version you saw: the edit is refused if it changed since.")
            .Field("id", "ID!")
            .Field("version", "Int!"))
        .Enum("ReviewDecision", e => e
            .Value("MERGE", ReviewStatus.Merged, "The two records are the same person: their profiles merge.")
            .Value("NOT_A_MATCH", ReviewStatus.NotAMatch, "They are different people: they will never be linked."))
        .Object<SplitOutcome>("SplitResult", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("from", "Profile!", f => f.Description("The profile the record left (survivorship recomputed)."))
            .Field("to", "Profile!", f => f.Description("The new profile the record founds.")))
        .Object<NotDuplicateResult>("NotDuplicateResult", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("profileA", "Profile")
            .Field("profileB", "Profile")
            .Field("split", "Boolean!", f => f.Description("The records shared a profile, so the second moved out into its own.")))
        .Object<ErasureOutcome>("ErasureResult", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("profileId", "ID!", f => f.From<ErasureOutcome>(e => e.Profile.Id))
            .Field("records", "Int!", f => f.Description("Source records deleted (with their identifiers, consent and touchpoints)."))
            .Field("touchpoints", "Int!")
            .Field("tombstones", "Int!", f => f.Description("Salted hashes kept so that a later import of this person is held back.")));

    public static void AddFields(ObjectTypeBuilder mutation) => mutation
        .Field("resolveReviewItem", "ReviewItem", f => f
            .Description("Decides a review item. MERGE needs the versions of both records' profiles.")
            .Argument("id", "ID!")
            .Argument("decision", "ReviewDecision!")
            .Argument("versions", "[ProfileVersionInput!]")
            .Steward(async (c, actions) => await actions.ResolveReviewAsync(
                NodeIds.ParseReview(c.Argument<string>("id")), (ReviewStatus)c.Arguments["decision"]!, Versions(c.Arguments.GetValueOrDefault("versions")), c.Actor(), c.CancellationToken)))
        .Field("mergeProfiles", "Profile", f => f
            .Description("Merges profiles into the oldest of them; the others' ids keep resolving to it.")
            .Argument("profiles", "[ProfileVersionInput!]!")
            .Steward(async (c, actions) => await actions.MergeAsync(Versions(c.Arguments["profiles"]), c.Actor(), c.CancellationToken)))
        .Field("splitRecord", "SplitResult", f => f
            .Description("Moves a source record out of its profile into a new one; it will not be linked with the records it leaves again.")
            .Argument("recordId", "ID!")
            .Argument("profileVersion", "Int!")
            .Steward(async (c, actions) => await actions.SplitAsync(NodeIds.ParseRecord(c.Argument<string>("recordId")), c.Argument<int>("profileVersion"), c.Actor(), c.CancellationToken)))
        .Field("markNotDuplicate", "NotDuplicateResult", f => f
            .Description("Two records are different people. If they share a profile now, recordB moves out (then profileVersion is required).")
            .Argument("recordA", "ID!")
            .Argument("recordB", "ID!")
            .Argument("profileVersion", "Int")
            .Steward(async (c, actions) =>
            {
                var outcome = await actions.MarkNotDuplicateAsync(
                    NodeIds.ParseRecord(c.Argument<string>("recordA"), "recordA"), NodeIds.ParseRecord(c.Argument<string>("recordB"), "recordB"),
                    c.Argument<int?>("profileVersion"), c.Actor(), c.CancellationToken);
                return new NotDuplicateResult(
                    await Profiles.ProfileQueries.Survivor(c, outcome.ProfileA), await Profiles.ProfileQueries.Survivor(c, outcome.ProfileB), outcome.Split);
            }))
        .Field("pinAttribute", "Profile", f => f
            .Description("Pins an attribute's value: it wins survivorship until unpinned, and resolves a conflict on it.")
            .Argument("profile", "ProfileVersionInput!")
            .Argument("attribute", "String!")
            .Argument("value", "String!")
            .Steward(async (c, actions) => await actions.PinAsync(Version(c.Arguments["profile"]), c.Argument<string>("attribute"), c.Argument<string>("value"), c.Actor(), c.CancellationToken)))
        .Field("unpinAttribute", "Profile", f => f
            .Description("Takes a pin back: the survivorship rules decide the attribute again.")
            .Argument("profile", "ProfileVersionInput!")
            .Argument("attribute", "String!")
            .Steward(async (c, actions) => await actions.UnpinAsync(Version(c.Arguments["profile"]), c.Argument<string>("attribute"), c.Actor(), c.CancellationToken)))
        .Field("eraseProfile", "ErasureResult", f => f
            .Description("Right to erasure: deletes the profile's records, touchpoints and attributes; keeps salted hashes so the person is not imported again.")
            .Argument("profile", "ProfileVersionInput!")
            .Steward(async (c, actions) => await actions.EraseAsync(Version(c.Arguments["profile"]), c.Actor(), c.CancellationToken)));

    /// <summary>A steward mutation: needs the Steward capability; a StewardException becomes a coded GraphQL error.</summary>
    internal static FieldBuilder Steward(this FieldBuilder field, Func<ResolveContext, StewardActions, Task<object?>> action) => field
        .Authorize(FieldAccess.Requires(Capability.Steward))
        .ResolveWith(async context =>
        {
            try
            {
                return await action(context, context.Services.Get<StewardActions>());
            }
            catch (StewardException e)
            {
                throw new GraphQLException(e.Message, e.Code, e.Details);
            }
        });

    internal static ProfileVersion Version(object? input) =>
        input is IReadOnlyDictionary<string, object?> fields
            ? new ProfileVersion(NodeIds.ParseProfile((string)fields["id"]!), Convert.ToInt32(fields["version"], System.Globalization.CultureInfo.InvariantCulture))
            : throw new GraphQLException("A profile version is required.", ErrorCodes.BadUserInput);

    internal static List<ProfileVersion> Versions(object? input) =>
        input is IEnumerable<object?> items ? [.. items.Select(Version)] : [];

    private sealed record NotDuplicateResult(object? ProfileA, object? ProfileB, bool Split);
}
