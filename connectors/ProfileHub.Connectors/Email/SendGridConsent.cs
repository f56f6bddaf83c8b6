using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// The consent one SendGrid event states, with the scope it applies to: the whole address (an unsubscribe,
/// a spam report, a hard bounce) or one unsubscribe group (asm_group_id). Each scope is its own source record
/// (key "email|scope"), so an open arriving later never overwrites an unsubscribe.
/// </summary>
internal sealed record SendGridConsent(string Email, string Scope, ConsentStatus Status, SendGridEvent Event)
{
    public string SourceKey => $"{Email}|{Scope}";

    public static SendGridConsent? From(SendGridEvent e, string normalizedEmail)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Event switch
        {
            SendGridEventType.Unsubscribe => new(normalizedEmail, "email", ConsentStatus.Unsubscribed, e),
            SendGridEventType.SpamReport => new(normalizedEmail, "email", ConsentStatus.SpamReported, e),

            // "bounce" is a permanent failure; "blocked" (type=blocked) is a refusal this time, not a state of the address.
            SendGridEventType.Bounce when e.Type is null or "bounce" => new(normalizedEmail, "email", ConsentStatus.Bounced, e),
            SendGridEventType.GroupUnsubscribe when e.AsmGroupId is { } group => new(normalizedEmail, $"group:{group}", ConsentStatus.Unsubscribed, e),
            SendGridEventType.GroupResubscribe when e.AsmGroupId is { } group => new(normalizedEmail, $"group:{group}", ConsentStatus.Granted, e),
            _ => null,
        };
    }
}

/// <summary>An address that appeared in a webhook batch: the record that email touchpoints link to.</summary>
internal sealed record SendGridRecipient(string Email, DateTimeOffset LastSeen);
