namespace ProfileHub.Core.Sources;

/// <summary>What a source says about a person's consent on one channel, at one time.</summary>
public sealed class ConsentState
{
    private ConsentState()
    {
    }

    public ConsentState(ConsentChannel channel, ConsentStatus status, DateTimeOffset observedAt, string? scope = null)
    {
        Channel = channel;
        Status = status;
        ObservedAt = observedAt.ToUniversalTime();
        Scope = scope;
    }

    public long Id { get; private set; }

    public long RecordId { get; private set; }

    public ConsentChannel Channel { get; private set; }

    public ConsentStatus Status { get; private set; }

    /// <summary>A narrower scope within the channel: a SendGrid unsubscribe group, a Mailchimp permission id.</summary>
    public string? Scope { get; private set; }

    public DateTimeOffset ObservedAt { get; private set; }
}
