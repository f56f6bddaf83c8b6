using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Server.Segments;

/// <summary>
/// What counts as one contact on an audience channel, for the frequency cap: a delivered email (SendGrid's
/// "delivered", once per send, unlike opens and clicks which the rule table also marks proactive) or an ad
/// impression. Channels without a recorded send (sms, phone, mail) are not capped: ProfileHub sees no sends there.
/// </summary>
internal static class AudienceChannels
{
    public static (TouchpointChannel Channel, string[] Types)? ContactsOf(ConsentChannel channel) => channel switch
    {
        ConsentChannel.Email => (TouchpointChannel.Email, ["delivered"]),
        ConsentChannel.Ads => (TouchpointChannel.Ads, ["ad_impression"]),
        _ => null,
    };
}

/// <summary>`ProfileHub:Audiences:FrequencyCap`: no more than <see cref="Contacts"/> contacts in <see cref="Days"/> days.</summary>
internal sealed class FrequencyCap
{
    public const string Section = "ProfileHub:Audiences:FrequencyCap";

    public int Contacts { get; set; } = 3;

    public int Days { get; set; } = 7;
}
