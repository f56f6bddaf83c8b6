namespace ProfileHub.Core.Stewardship;

/// <summary>An entry in the audit trail: who did what to which entity, with the state before and after.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Actor = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public AuditEvent(string actor, string action, string entityType, string entityId, string? before, string? after, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
        OccurredAt = occurredAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    /// <summary>The API key's name, "match-job", or "system".</summary>
    public string Actor { get; private set; }

    /// <summary>merge, split, not_a_match, pin, unpin, erase, auto_merge, ...</summary>
    public string Action { get; private set; }

    /// <summary>profile, record, review_item, segment, ...</summary>
    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>JSON snapshot before the change.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON snapshot after the change.</summary>
    public string? After { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Right to erasure: the event stays (who did what, when) but its snapshots, which hold personal data, go.</summary>
    public void Redact()
    {
        Before = null;
        After = null;
    }
}
