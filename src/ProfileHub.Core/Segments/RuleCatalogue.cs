using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Core.Segments;

public enum RuleType
{
    Text,
    Number,
    Boolean,
    Time,
    ConsentStatus,
    Channel,
    Stage,
}

/// <summary>Where a field can be used: in a rule over profiles, or inside <c>count(...)</c> over touchpoints.</summary>
public enum FieldScope
{
    Profile,
    Touchpoint,
}

/// <summary>
/// One field of the language: its name, type, scope, and the SQL column it reads. <see cref="Personal"/>
/// marks a value that identifies a person (a name, an email, a city): comparing it is a lookup, and counting
/// a rule's members an oracle, so only a key that may read personal data may filter on it.
/// </summary>
public sealed record RuleField(string Name, RuleType Type, FieldScope Scope, string Column, string Description, bool Personal = false);

/// <summary>
/// A behavioural count over the touchpoints of a profile's records in a window: the touchpoints of
/// <see cref="Channel"/> (any when null) whose type is one of <see cref="Types"/> (any when empty).
/// <see cref="PoorRating"/> narrows to Journey's poor satisfaction rule (satisfaction_score 0).
/// </summary>
public sealed record Behaviour(string Name, TouchpointChannel? Channel, IReadOnlyList<string> Types, bool PoorRating, string Description)
{
    /// <summary><c>count(facets, last N days)</c>: the touchpoints the facet condition selects.</summary>
    public bool TakesFacets => Name == RuleCatalogue.CountFunction;
}

/// <summary>
/// The one table of what a rule can say (documented in docs/segments.md): profile columns, computed traits
/// (profile_traits), current consent, touchpoint facets, behavioural counts, and segment references.
/// </summary>
public static class RuleCatalogue
{
    public const string CountFunction = "count";
    public const string InSegmentFunction = "in_segment";

    /// <summary>The longest window a behavioural count may look back: ten years.</summary>
    public const int MaxWindowDays = 3650;

    public static IReadOnlyList<RuleField> Fields { get; } =
    [
        new("country", RuleType.Text, FieldScope.Profile, "profiles.country", "ISO 3166 alpha-2 code of the survived address, e.g. \"GB\""),
        new("city", RuleType.Text, FieldScope.Profile, "profiles.city", "survived city", Personal: true),
        new("given_name", RuleType.Text, FieldScope.Profile, "profiles.given_name", "survived first name", Personal: true),
        new("family_name", RuleType.Text, FieldScope.Profile, "profiles.family_name", "survived last name", Personal: true),
        new("email", RuleType.Text, FieldScope.Profile, "profiles.primary_email", "primary email (normalized)", Personal: true),
        new("purchases", RuleType.Number, FieldScope.Profile, "profile_traits.purchase_count", "purchases ever (Journey: order_completed, store_purchase)"),
        new("revenue", RuleType.Number, FieldScope.Profile, "profile_traits.revenue", "sum of purchase amounts"),
        new("touchpoints", RuleType.Number, FieldScope.Profile, "profile_traits.touchpoint_count", "touchpoints ever"),
        new("touchpoints_before_first_purchase", RuleType.Number, FieldScope.Profile, "profile_traits.touchpoints_before_first_purchase", "null (never true in a comparison) before the first purchase"),
        new("first_purchase", RuleType.Time, FieldScope.Profile, "profile_traits.first_purchase_at", "time of the first purchase"),
        new("last_purchase", RuleType.Time, FieldScope.Profile, "profile_traits.last_purchase_at", "time of the latest purchase"),
        new("last_contact", RuleType.Time, FieldScope.Profile, "profile_traits.last_contact_at", "time of the latest touchpoint of any kind"),
        new("email.opens", RuleType.Number, FieldScope.Profile, "profile_traits.email_opens", "email opens ever"),
        new("email.clicks", RuleType.Number, FieldScope.Profile, "profile_traits.email_clicks", "email clicks ever"),
        new("email.last_open", RuleType.Time, FieldScope.Profile, "profile_traits.last_email_open_at", "time of the latest email open"),
        new("email.last_click", RuleType.Time, FieldScope.Profile, "profile_traits.last_email_click_at", "time of the latest email click"),
        new("loyalty.tier", RuleType.Text, FieldScope.Profile, "profile_traits.loyalty_tier", "latest loyalty tier (tier_changed touchpoints)"),
        new("loyalty.points", RuleType.Number, FieldScope.Profile, "profile_traits.loyalty_points", "points balance reported with the latest tier"),
        .. Enum.GetValues<ConsentChannel>().Select(c => new RuleField(
            "consent." + c.ToString().ToLowerInvariant(), RuleType.ConsentStatus, FieldScope.Profile, "record_consents.status",
            $"latest {c.ToString().ToLowerInvariant()} consent statement of any member record")),
        new("channel", RuleType.Channel, FieldScope.Touchpoint, "touchpoints.channel", "web, email, social, ads, support, loyalty, offline"),
        new("stage", RuleType.Stage, FieldScope.Touchpoint, "touchpoints.stage", "before, during, after (a purchase)"),
        new("type", RuleType.Text, FieldScope.Touchpoint, "touchpoints.type", "event type, e.g. \"page_view\""),
        new("online", RuleType.Boolean, FieldScope.Touchpoint, "touchpoints.online", "online (not offline)"),
        new("controllable", RuleType.Boolean, FieldScope.Touchpoint, "touchpoints.controllable", "created by the business"),
        new("proactive", RuleType.Boolean, FieldScope.Touchpoint, "touchpoints.initiative", "business-initiated"),
        new("reactive", RuleType.Boolean, FieldScope.Touchpoint, "touchpoints.initiative", "customer-initiated"),
    ];

    public static IReadOnlyList<Behaviour> Behaviours { get; } =
    [
        new("purchases", null, [.. Journey.PurchaseTypes], false, "purchases in the window"),
        new("page_views", TouchpointChannel.Web, ["page_view", "screen_view"], false, "web page and screen views"),
        new("touchpoints", null, [], false, "touchpoints of any kind"),
        new("email.opened", TouchpointChannel.Email, ["open"], false, "email opens"),
        new("email.clicked", TouchpointChannel.Email, ["click"], false, "email clicks"),
        new("support.tickets", TouchpointChannel.Support, ["ticket_opened"], false, "support tickets opened"),
        new("support.poor_rating", TouchpointChannel.Support, [Journey.SatisfactionType], true, "poor satisfaction ratings (Journey: satisfaction_score 0)"),
        new(CountFunction, null, [], false, "touchpoints matching a facet condition, e.g. count(channel = web and proactive, last 14 days)"),
    ];

    public static IReadOnlyDictionary<RuleType, IReadOnlyDictionary<string, object>> EnumValues { get; } = new Dictionary<RuleType, IReadOnlyDictionary<string, object>>
    {
        [RuleType.ConsentStatus] = Enum.GetValues<ConsentStatus>().ToDictionary(s => SnakeCase(s.ToString()), s => (object)s, StringComparer.Ordinal),
        [RuleType.Channel] = Enum.GetValues<TouchpointChannel>().ToDictionary(c => c.ToString().ToLowerInvariant(), c => (object)c, StringComparer.Ordinal),
        [RuleType.Stage] = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["before"] = JourneyStage.BeforePurchase,
            ["during"] = JourneyStage.DuringPurchase,
            ["after"] = JourneyStage.AfterPurchase,
        },
    };

    public static RuleField? Field(string name, FieldScope scope) => Fields.FirstOrDefault(f => f.Name == name && f.Scope == scope);

    public static Behaviour? BehaviourNamed(string name) => Behaviours.FirstOrDefault(b => b.Name == name);

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
