namespace ProfileHub.Connectors.Email;

/// <summary>
/// SendGrid's event types (Event Webhook reference) and what each means here: the touchpoint it makes, if any,
/// and the consent it records, if any.
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

    /// <summary>
    /// The touchpoint type an event records, or null for delivery plumbing (processed, deferred, dropped) that the
    /// customer never saw. A group (un)subscribe is the customer acting on one unsubscribe group.
    /// </summary>
    public static string? TouchpointType(string eventType) => eventType switch
    {
        Delivered => "email_delivered",
        Open => "email_open",
        Click => "email_click",
        Bounce => "email_bounce",
        SpamReport => "email_spam_report",
        Unsubscribe => "email_unsubscribe",
        GroupUnsubscribe => "email_group_unsubscribe",
        GroupResubscribe => "email_group_resubscribe",
        _ => null,
    };
}
