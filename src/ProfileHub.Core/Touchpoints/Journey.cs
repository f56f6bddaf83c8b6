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

/// <summary>One customer's journey, summarised the way marketing reads it (DESIGN.md, 'Customer journey').</summary>
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

    private static readonly HashSet<string> PurchaseTypes = new(StringComparer.Ordinal) { "order_completed", "store_purchase" };

    /// <summary>The touchpoint types that are purchases (segments count them in SQL).</summary>
    public static IReadOnlyCollection<string> PurchaseTypeNames => PurchaseTypes;

    /// <summary>The satisfaction score Zendesk's binary scale calls "bad": friction when a rating has it.</summary>
    public const decimal PoorSatisfactionScore = 0;

    /// <summary>The touchpoint type of a satisfaction rating, and the Metrics key of its score.</summary>
    public const string SatisfactionRatedType = "satisfaction_rated";

    public const string SatisfactionScoreMetric = "satisfaction_score";

    public static bool IsPurchase(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return PurchaseTypes.Contains(touchpoint.Type);
    }

    /// <summary>The friction a touchpoint signals by itself (abandoned carts need the rest of the journey).</summary>
    public static FrictionKind? FrictionOf(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return touchpoint.Type switch
        {
            "unsubscribe" or "group_unsubscribe" => FrictionKind.Unsubscribe,
            "spamreport" => FrictionKind.SpamReport,
            "order_cancelled" or "order_refunded" => FrictionKind.OrderCancelled,
            SatisfactionRatedType when SatisfactionScore(touchpoint) == PoorSatisfactionScore => FrictionKind.PoorSatisfaction,
            _ => null,
        };
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
            else if (touchpoint.Type == "checkout_started" && !CompletedWithinWindow(ordered, i))
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
