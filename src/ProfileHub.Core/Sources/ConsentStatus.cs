namespace ProfileHub.Core.Sources;

/// <summary>Consent as the email and ad platforms report it (Mailchimp statuses, SendGrid suppressions).</summary>
public enum ConsentStatus
{
    Granted,
    Denied,
    Unsubscribed,

    /// <summary>The address bounced hard: not a choice, but no audience may use it.</summary>
    Bounced,
    SpamReported,

    /// <summary>Mailchimp's "cleaned": removed after repeated bounces.</summary>
    Cleaned,
}
