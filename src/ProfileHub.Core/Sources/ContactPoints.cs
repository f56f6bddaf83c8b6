namespace ProfileHub.Core.Sources;

/// <summary>
/// Which identifier is a channel's contact point: the address a message on that channel goes to. Consent on
/// these channels belongs to the contact point (<see cref="ConsentState.ContactPoint"/>): an audience carries,
/// per member, an address whose own latest statement is a grant. Mail and ads have none here: a postal
/// address is not an identifier, and an ad platform matches a person on every key it is given, so consent on
/// them stays the person's latest statement.
/// </summary>
public static class ContactPoints
{
    public static IdentifierKind? KindOf(ConsentChannel channel) => channel switch
    {
        ConsentChannel.Email => IdentifierKind.Email,
        ConsentChannel.Sms or ConsentChannel.Phone => IdentifierKind.Phone,
        _ => null,
    };

    /// <summary>
    /// The statements a source's one statement becomes on a record with these identifiers (normalized): one per
    /// address of the channel's kind, or one without a contact point when the record has none or the channel
    /// has no contact points. A record with two addresses said it about both: the source did not say which.
    /// </summary>
    public static IEnumerable<ConsentState> Statements(
        ConsentChannel channel, ConsentStatus status, DateTimeOffset observedAt, string? scope, IEnumerable<(IdentifierKind Kind, string Normalized)> identifiers)
    {
        var points = KindOf(channel) is { } kind
            ? identifiers.Where(i => i.Kind == kind).Select(i => i.Normalized).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [];
        if (points.Count == 0)
        {
            yield return new ConsentState(channel, status, observedAt, scope);
            yield break;
        }

        foreach (var point in points)
        {
            yield return new ConsentState(channel, status, observedAt, scope, point);
        }
    }
}
