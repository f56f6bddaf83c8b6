using ProfileHub.Core.Access;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Survivorship;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Server.Stewardship;

namespace ProfileHub.Server.Api.Stewardship;

/// <summary>
/// What the steward console (/steward) reads besides the queues: the thresholds an explanation is drawn
/// against, and a merge's outcome before it is made.
/// </summary>
internal static class StewardQueries
{
    public static void Declare(SchemaBuilder schema) => schema
        .Object<MatchSettings>("MatchThresholds", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("The match weights (log2 Bayes factors) that decide a scored pair, as configured in ProfileHub:Matching.")
            .Field("upper", "Float!", f => f.Description("At or above it a pair is linked automatically.").From<MatchSettings>(s => s.UpperThreshold))
            .Field("lower", "Float!", f => f.Description("From it up to the upper threshold a pair goes to the review queue; below it the records stay apart.").From<MatchSettings>(s => s.LowerThreshold)))
        .Object<MergePreview>("MergePreview", o => o
            .AuthorizeFields(FieldAccess.Personal)
            .Description("What mergeProfiles would make of these profiles, worked out and rolled back: nothing changed.")
            .Field("survivor", "Profile!", f => f.Description("The profile whose id survives, as it is now.").Authorize(FieldAccess.NotPersonal)
                .ResolveWith(async c => await ProfileLoaders.Profile(c, c.Source<MergePreview>().SurvivorId)))
            .Field("absorbed", "[Profile!]!", f => f.Description("The profiles that would be merged into it (their ids keep resolving to the survivor).").Authorize(FieldAccess.NotPersonal)
                .ResolveWith(async c => await Task.WhenAll(c.Source<MergePreview>().Absorbed.Select(id => ProfileLoaders.Profile(c, id)))))
            .Field("records", "Int!", f => f.Description("Source records the merged profile would hold.").Authorize(FieldAccess.NotPersonal))
            .Field("attributes", "[ProfileAttribute!]!", f => f.Description("The merged profile's survived values with their lineage.")
                .From<MergePreview>(p => ProfileLoaders.InAttributeOrder(p.Attributes.Where(a => a.Rule != ProfileSurvivorship.ConflictRule))))
            .Field("conflicts", "[AttributeConflict!]!", f => f.Description("Attributes its equally trusted sources would disagree on.")
                .From<MergePreview>(p => AttributeConflict.Of(ProfileLoaders.InAttributeOrder(p.Attributes)))));

    public static void AddFields(ObjectTypeBuilder query) => query
        .Field("matchThresholds", "MatchThresholds!", f => f
            .Description("The thresholds every match explanation's total weight is measured against.")
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .Resolve(c => c.Services.Get<MatchSettings>()))
        .Field("previewMerge", "MergePreview", f => f
            .Description("Shows the survivor and the values mergeProfiles would produce for these profile versions, changing nothing; refused as mergeProfiles would be (STALE_VERSION, CONSTRAINT_CONFLICT, ...).")
            .Argument("profiles", "[ProfileVersionInput!]!")
            .Steward(async (c, actions) => await actions.PreviewMergeAsync(StewardMutations.Versions(c.Arguments["profiles"]), c.Actor(), c.CancellationToken)));
}
