namespace ProfileHub.Connectors.Email;

/// <summary>
/// SendGrid's event types (Event Webhook reference); the touchpoint types are the same words (the Email rule
/// table in touchpoint-rules.json lists them).
/// </summary>
internal static class SendGridEventType
{
    public const string Processed = "processed";
    public const string Dropped = "dropped";
    public const string Delivered = "delivered";
    public const string Deferred = "deferred";
    public const string Bounce = "bounce";
    public const string Open = "open";
    public const string Click = "click";
    public const string SpamReport = "spamreport";
    public const string Unsubscribe = "unsubscribe";
    public const string GroupUnsubscribe = "group_unsubscribe";
    public const string GroupResubscribe = "group_resubscribe";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Processed, Dropped, Delivered, Deferred, Bounce, Open, Click, SpamReport, Unsubscribe, GroupUnsubscribe, GroupResubscribe,
    };
}
