namespace ProfileHub.Core.Sources;

/// <summary>
/// What a source says about consent on one channel, at one time, for one contact point where the channel has
/// them (<see cref="ContactPoints"/>): an unsubscribe is of an address, not of a person, so it binds that
/// address whatever the person's other records say about other addresses.
/// </summary>
public sealed class ConsentState
{
    private ConsentState()
    {
    }

    public ConsentState(ConsentChannel channel, ConsentStatus status, DateTimeOffset observedAt, string? scope = null, string? contactPoint = null)
    {
        Channel = channel;
        Status = status;
        ObservedAt = observedAt.ToUniversalTime();
        Scope = scope;
        ContactPoint = contactPoint;
    }

    public long Id { get; private set; }

    public long RecordId { get; private set; }

    public ConsentChannel Channel { get; private set; }

    public ConsentStatus Status { get; private set; }

    /// <summary>A narrower scope within the channel: a SendGrid unsubscribe group, a Mailchimp permission id.</summary>
    public string? Scope { get; private set; }

    /// <summary>
    /// The normalized address or number the statement is about (lower-case email, E.164 phone); null where the
    /// channel has no contact point ProfileHub keeps (mail, ads) or the record carried none (then it speaks for
    /// the person: see <see cref="ContactPoints"/>).
    /// </summary>
    public string? ContactPoint { get; private set; }

    public DateTimeOffset ObservedAt { get; private set; }
}
