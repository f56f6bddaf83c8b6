using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Journeys;
using ProfileHub.Server.Api.Privacy;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Server.Api.Segments;
using ProfileHub.Server.Api.Stewardship;

namespace ProfileHub.Server.Api;

/// <summary>
/// ProfileHub's GraphQL schema, assembled from its areas: each contributes its types (Declare) and its root
/// fields (AddFields). The SDL is kept reviewed by a snapshot test (tests/.../Api/schema.graphql); every
/// field declares who may read it (<see cref="FieldAccess"/>).
/// </summary>
internal static class ProfileHubSchema
{
    public static Schema Build()
    {
        var schema = new SchemaBuilder()
            .Description("ProfileHub: unified customer profiles for marketing, review and merge tools for data stewards, audiences for segmentation jobs.");
        ProfileTypes.Declare(schema);
        ProfileQueries.Declare(schema);
        ReviewQueue.Declare(schema);
        JourneyAnalyticsQuery.Declare(schema);
        StewardMutations.Declare(schema);
        StewardQueries.Declare(schema);
        SegmentApi.Declare(schema);
        PrivacyApi.Declare(schema);
        schema.Object("Query", query =>
        {
            ProfileQueries.AddFields(query);
            ReviewQueue.AddFields(query);
            StewardQueries.AddFields(query);
            JourneyAnalyticsQuery.AddFields(query);
            SegmentApi.AddQueryFields(query);
            PrivacyApi.AddQueryFields(query);
        });
        schema.Object("Mutation", mutation =>
        {
            StewardMutations.AddFields(mutation);
            SegmentApi.AddMutationFields(mutation);
        });
        var built = schema.RootTypes("Query", "Mutation").Build();
        // Authorization is per field (FieldAccess): a field nobody decided about would be readable by every key.
        if (FieldAccess.Undeclared(built) is [_, ..] undeclared)
        {
            throw new InvalidOperationException($"These fields declare no access (FieldAccess.Personal, NotPersonal or Requires): {string.Join(", ", undeclared)}.");
        }

        return built;
    }
}
