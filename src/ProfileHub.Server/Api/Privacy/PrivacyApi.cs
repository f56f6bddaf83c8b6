using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Server.Privacy;

namespace ProfileHub.Server.Api.Privacy;

/// <summary>
/// The data subject's right of access over GraphQL: the document `profilehub subject export` writes
/// (<see cref="SubjectAccess"/>), for admin keys only (ManageKeys and ReadProfiles): it hands over everything about a person in
/// one call, more than any reading role needs for its work.
/// </summary>
internal static class PrivacyApi
{
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
                    return (object)JsonSerializer.SerializeToElement(document);
                }
                catch (ArgumentException e)
                {
                    throw new GraphQLException(e.Message, ErrorCodes.BadUserInput);
                }
            }));
}
