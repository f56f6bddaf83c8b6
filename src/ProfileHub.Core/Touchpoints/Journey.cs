using System.Text.Json;

namespace ProfileHub.Core.Touchpoints;

/// <summary>How often one facet value (a stage, a channel) occurs in a journey.</summary>
public sealed record FacetCount<T>(T Value, int Count);

/// <summary>A touchpoint that signals friction, and which signal it is.</summary>
public sealed record FrictionEvent(Touchpoint Touchpoint, FrictionKind Kind);

public enum FrictionKind
{
    Unsubscribe,
    SpamReport,
    PoorSatisfaction,
    AbandonedCart,
    OrderCancelled,
}

/// <summary>One customer's journey, summarised the way marketing reads it (docs/domain.md, "Touchpoints and journeys").</summary>
public sealed record JourneySummary(
    int TouchpointCount,
    DateTimeOffset? FirstContact,
    DateTimeOffset? LastContact,
    DateTimeOffset? FirstPurchase,
    int? TouchpointsBeforeFirstPurchase,
    int PurchaseCount,
    IReadOnlyList<FacetCount<JourneyStage>> ByStage,
    IReadOnlyList<FacetCount<TouchpointChannel>> ByChannel,
    int Controllable,
    int Uncontrollable,
    int Proactive,
    int Reactive,
    IReadOnlyList<FrictionEvent> Friction);

/// <summary>
/// The one place that says which touchpoints are purchases and which are friction, and summarises a journey.
/// A purchase is a completed order (web or store). Friction is an unsubscribe, a spam report, a poor support
/// rating (Zendesk's binary scale: satisfaction_score 0 is "bad"), a cancelled or refunded order, or an
/// abandoned cart: a checkout started with no order completed within <see cref="CartWindow"/>.
/// </summary>
public static class Journey
{
    public static readonly TimeSpan CartWindow = TimeSpan.FromHours(24);

    /// <summary>The touchpoint types of a purchase (also read by the SQL of journey analytics).</summary>
    public static readonly IReadOnlySet<string> PurchaseTypes = new HashSet<string>(StringComparer.Ordinal) { "order_completed", "store_purchase" };

    /// <summary>The touchpoint types that are friction by themselves, whatever their metrics say.</summary>
    public static readonly IReadOnlyDictionary<string, FrictionKind> FrictionTypes = new Dictionary<string, FrictionKind>(StringComparer.Ordinal)
    {
        ["unsubscribe"] = FrictionKind.Unsubscribe,
        ["group_unsubscribe"] = FrictionKind.Unsubscribe,
        ["spamreport"] = FrictionKind.SpamReport,
        ["order_cancelled"] = FrictionKind.OrderCancelled,
        ["order_refunded"] = FrictionKind.OrderCancelled,
    };

    /// <summary>A support rating; friction when its <see cref="SatisfactionScoreMetric"/> is <see cref="PoorSatisfactionScore"/>.</summary>
    public const string SatisfactionType = "satisfaction_rated";

    /// <summary>Zendesk's satisfaction_score, kept in the touchpoint's metrics JSON.</summary>
    public const string SatisfactionScoreMetric = "satisfaction_score";

    /// <summary>Zendesk's binary scale: 0 is "bad".</summary>
    public const int PoorSatisfactionScore = 0;

    /// <summary>A checkout; an abandoned cart when no purchase follows within <see cref="CartWindow"/>.</summary>
    public const string CheckoutType = "checkout_started";

    public static bool IsPurchase(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return PurchaseTypes.Contains(touchpoint.Type);
    }

    /// <summary>The friction a touchpoint signals by itself (abandoned carts need the rest of the journey).</summary>
    public static FrictionKind? FrictionOf(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return FrictionTypes.TryGetValue(touchpoint.Type, out var kind) ? kind
            : touchpoint.Type == SatisfactionType && SatisfactionScore(touchpoint) == PoorSatisfactionScore ? FrictionKind.PoorSatisfaction
            : null;
    }

    public static JourneySummary Summarize(IEnumerable<Touchpoint> touchpoints)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        var ordered = touchpoints.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id).ToList();
        var firstPurchase = ordered.FindIndex(IsPurchase);
        var friction = new List<FrictionEvent>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var touchpoint = ordered[i];
            if (FrictionOf(touchpoint) is { } kind)
            {
                friction.Add(new FrictionEvent(touchpoint, kind));
            }
            else if (touchpoint.Type == CheckoutType && !CompletedWithinWindow(ordered, i))
            {
                friction.Add(new FrictionEvent(touchpoint, FrictionKind.AbandonedCart));
            }
        }

        return new JourneySummary(
            ordered.Count,
            ordered.FirstOrDefault()?.OccurredAt,
            ordered.LastOrDefault()?.OccurredAt,
            firstPurchase < 0 ? null : ordered[firstPurchase].OccurredAt,
            firstPurchase < 0 ? null : firstPurchase,
            ordered.Count(IsPurchase),
            [.. ordered.CountBy(t => t.Stage).OrderBy(c => c.Key).Select(c => new FacetCount<JourneyStage>(c.Key, c.Value))],
            [.. ordered.CountBy(t => t.Channel).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => new FacetCount<TouchpointChannel>(c.Key, c.Value))],
            ordered.Count(t => t.Controllable),
            ordered.Count(t => !t.Controllable),
            ordered.Count(t => t.Initiative == Initiative.Proactive),
            ordered.Count(t => t.Initiative == Initiative.Reactive),
            friction);
    }

    private static bool CompletedWithinWindow(List<Touchpoint> ordered, int checkout)
    {
        var deadline = ordered[checkout].OccurredAt + CartWindow;
        for (var j = checkout + 1; j < ordered.Count && ordered[j].OccurredAt <= deadline; j++)
        {
            if (IsPurchase(ordered[j]))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal? SatisfactionScore(Touchpoint touchpoint)
    {
        if (touchpoint.Metrics is null)
        {
            return null;
        }

        using var metrics = JsonDocument.Parse(touchpoint.Metrics);
        return metrics.RootElement.ValueKind == JsonValueKind.Object
            && metrics.RootElement.TryGetProperty(SatisfactionScoreMetric, out var score)
            && score.TryGetDecimal(out var value)
                ? value
                : null;
    }
}
