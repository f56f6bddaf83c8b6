using ProfileHub.Core.Access;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Segments;

namespace ProfileHub.Server.Api.Segments;

/// <summary>
/// An audience member's contact point, the activation contract (docs/segments.md): a key with the Audiences
/// capability (a segmentation job) reads the contact point of the channel it pulled the audience for, where
/// every member has granted consent to be contacted, and no other personal value; ReadProfiles reads every
/// one. So an email audience hands over emails to send to, not phones or names, and nothing of a person
/// who did not consent to the channel.
/// </summary>
internal sealed class ContactPointAccess(params ConsentChannel[] channels) : FieldAccess(Capability.ReadProfiles, DataClass.ContactPoint)
{
    /// <summary>The audience channels whose pullers may read this contact point.</summary>
    public IReadOnlyList<ConsentChannel> Channels { get; } = channels;

    protected override string Requirement => $"the ReadProfiles capability, or Audiences on an audience for {string.Join(" or ", Channels)}";

    protected override bool Allows(Capability capabilities, ResolveContext context) =>
        base.Allows(capabilities, context)
        || ((capabilities & Capability.Audiences) != 0 && Channels.Contains(context.Source<AudienceMember>().Channel));
}
