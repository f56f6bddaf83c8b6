namespace ProfileHub.Core.Stewardship;

/// <summary>
/// A steward's decision that every later matching run must honour, whatever the rules then say: two records
/// are the same person (must-link), are not (cannot-link), or an attribute has a pinned value.
/// </summary>
public sealed class StewardConstraint
{
    private StewardConstraint()
    {
        Actor = string.Empty;
    }

    private StewardConstraint(ConstraintKind kind, string actor, DateTimeOffset createdAt, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Kind = kind;
        Actor = actor;
        CreatedAt = createdAt.ToUniversalTime();
        Reason = reason;
    }

    public static StewardConstraint MustLink(long recordA, long recordB, string actor, DateTimeOffset at, string? reason = null) =>
        Pair(ConstraintKind.MustLink, recordA, recordB, actor, at, reason);

    public static StewardConstraint CannotLink(long recordA, long recordB, string actor, DateTimeOffset at, string? reason = null) =>
        Pair(ConstraintKind.CannotLink, recordA, recordB, actor, at, reason);

    public static StewardConstraint Pin(Guid profileId, string attribute, string value, string actor, DateTimeOffset at, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);
        ArgumentNullException.ThrowIfNull(value);
        return new StewardConstraint(ConstraintKind.PinnedValue, actor, at, reason)
        {
            ProfileId = profileId,
            Attribute = attribute,
            Value = value,
        };
    }

    public long Id { get; private set; }

    public ConstraintKind Kind { get; private set; }

    /// <summary>For pair constraints, the smaller record id (pairs are stored in one order so each is unique).</summary>
    public long? RecordA { get; private set; }

    public long? RecordB { get; private set; }

    public Guid? ProfileId { get; private set; }

    public string? Attribute { get; private set; }

    public string? Value { get; private set; }

    public string Actor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Set when the steward takes the decision back (an unpin); revoked constraints are kept for the audit trail.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A pin follows its profile when the profile is merged into another: the steward's value still holds.</summary>
    public void MovePinTo(Guid profileId)
    {
        if (Kind != ConstraintKind.PinnedValue)
        {
            throw new InvalidOperationException($"Constraint {Id} is not a pin.");
        }

        ProfileId = profileId;
    }

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new InvalidOperationException($"Constraint {Id} is already revoked.");
        }

        RevokedAt = at.ToUniversalTime();
    }

    private static StewardConstraint Pair(ConstraintKind kind, long recordA, long recordB, string actor, DateTimeOffset at, string? reason)
    {
        if (recordA == recordB)
        {
            throw new ArgumentException("A pair constraint needs two different records.", nameof(recordB));
        }

        return new StewardConstraint(kind, actor, at, reason)
        {
            RecordA = Math.Min(recordA, recordB),
            RecordB = Math.Max(recordA, recordB),
        };
    }
}
