namespace ProfileHub.Core.Segments;

/// <summary>
/// A named rule over profiles (docs/segments.md), refreshed on its own cron schedule and on demand; its
/// members are materialised as <see cref="SegmentMembership"/> rows with entered/exited times.
/// </summary>
public sealed class Segment
{
    private Segment()
    {
        Name = string.Empty;
        Rule = string.Empty;
    }

    public Segment(string name, string rule, string? description, string? schedule, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Rule = rule;
        Description = description;
        Schedule = schedule;
        CreatedAt = now.ToUniversalTime();
        UpdatedAt = CreatedAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The rule text as written (validated before it is stored).</summary>
    public string Rule { get; private set; }

    public string? Description { get; private set; }

    /// <summary>A Quartz cron expression; null refreshes only on demand.</summary>
    public string? Schedule { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? LastRefreshedAt { get; private set; }

    public int MemberCount { get; private set; }

    public void Change(string rule, string? description, string? schedule, DateTimeOffset now)
    {
        Rule = rule;
        Description = description;
        Schedule = schedule;
        UpdatedAt = now.ToUniversalTime();
    }

    public void Refreshed(int memberCount, DateTimeOffset now)
    {
        MemberCount = memberCount;
        LastRefreshedAt = now.ToUniversalTime();
    }
}

/// <summary>One stay of a profile in a segment: entered at a refresh, exited (set) at a later one; a profile that comes back gets a new row.</summary>
public sealed class SegmentMembership
{
    private SegmentMembership()
    {
    }

    public SegmentMembership(int segmentId, Guid profileId, DateTimeOffset enteredAt)
    {
        SegmentId = segmentId;
        ProfileId = profileId;
        EnteredAt = enteredAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public int SegmentId { get; private set; }

    public Guid ProfileId { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    /// <summary>Null while the profile is a member.</summary>
    public DateTimeOffset? ExitedAt { get; private set; }
}

/// <summary>
/// A profile's computed traits, folded incrementally from its touchpoints (touchpoints with an id above
/// <see cref="Watermark"/> are new) and recomputed when the profile's records change (merge, split).
/// Written by set-based SQL only, never entity by entity.
/// </summary>
public sealed class ProfileTraits
{
    private ProfileTraits()
    {
    }

    public Guid ProfileId { get; private set; }

    public int PurchaseCount { get; private set; }

    public double Revenue { get; private set; }

    public DateTimeOffset? FirstPurchaseAt { get; private set; }

    public DateTimeOffset? LastPurchaseAt { get; private set; }

    public int TouchpointCount { get; private set; }

    /// <summary>Null until the first purchase; the field's rule of thumb is about eight.</summary>
    public int? TouchpointsBeforeFirstPurchase { get; private set; }

    public int EmailOpens { get; private set; }

    public int EmailClicks { get; private set; }

    public DateTimeOffset? LastEmailOpenAt { get; private set; }

    public DateTimeOffset? LastEmailClickAt { get; private set; }

    public DateTimeOffset? LastContactAt { get; private set; }

    /// <summary>The tier of the latest tier_changed touchpoint (Smile.io vip_tier).</summary>
    public string? LoyaltyTier { get; private set; }

    /// <summary>The points balance reported with that tier.</summary>
    public double? LoyaltyPoints { get; private set; }

    public DateTimeOffset? LoyaltyAt { get; private set; }

    /// <summary>The highest touchpoint id folded into this row.</summary>
    public long Watermark { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }
}
