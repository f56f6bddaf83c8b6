namespace ProfileHub.Core.Touchpoints;

/// <summary>Who started the interaction.</summary>
public enum Initiative
{
    /// <summary>Business-initiated: a payment reminder, a birthday email, a delay notice.</summary>
    Proactive,

    /// <summary>Customer-initiated: a call to support, a comment.</summary>
    Reactive,
}
