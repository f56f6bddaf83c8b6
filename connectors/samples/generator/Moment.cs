namespace ProfileHub.SampleData;

/// <summary>What happened between the business and one person: each is written by the channel file that records it.</summary>
internal enum Act
{
    // Web (Segment): the visits, the cart, the orders.
    PageView,
    ProductViewed,
    ProductsSearched,
    ProductAdded,
    CheckoutStarted,
    OrderCompleted,
    OrderRefunded,

    // Email (SendGrid events; Mailchimp keeps the list).
    EmailDelivered,
    EmailOpened,
    EmailClicked,
    EmailUnsubscribed,
    EmailSpamReported,

    // Ads: the display network's log, Meta's lead forms and click ids.
    AdImpression,
    AdClicked,
    MetaAdClicked,
    LeadSubmitted,

    // Social listening.
    SocialMention,
    SocialComment,
    SocialDirectMessage,

    // Support (Zendesk): a ticket, maybe solved, maybe rated.
    TicketOpened,

    // Loyalty (Smile).
    PointsEarned,
    PointsRedeemed,

    // Stores (point of sale).
    StorePurchase,
    EventAttended,
}

/// <summary>One thing that happened, when, and what it carried (an order's amount, a campaign, a ticket's outcome).</summary>
internal sealed record Moment(Person Person, DateTimeOffset At, Act Act)
{
    /// <summary>Unique within the whole sample: the basis of each vendor's event id.</summary>
    public int Id { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>A page path, product, campaign or ticket subject, as the act needs.</summary>
    public string? Detail { get; init; }

    /// <summary>When a ticket was solved (and rated, if it was); null while it is open.</summary>
    public DateTimeOffset? SolvedAt { get; init; }

    /// <summary>A solved ticket's satisfaction rating: "good", "bad", or null when the customer gave none.</summary>
    public string? Rating { get; init; }

    /// <summary>Meta's click id cookie (fbc) that a web order's Conversions API event carries, when an ad click led to it.</summary>
    public Moment? MetaClick { get; init; }
}
