using Bogus;

namespace ProfileHub.SampleData;

/// <summary>
/// Each person's year with the business, as <see cref="Moment"/>s: how they found it (ads, email, search, a
/// friend's post), what they looked at before buying (about eight touchpoints, the field's rule of thumb), what
/// they bought, on the web or in a store, and what came after (loyalty points, support tickets, more orders) with
/// the friction real customers show: abandoned carts, refunds, unsubscribes, spam reports, poor ratings.
/// </summary>
internal sealed class Stories(Randomizer random, DateTimeOffset end)
{
    private static readonly string[] Pages = ["/", "/new-arrivals", "/sale", "/collections/outdoor", "/collections/home", "/about", "/stores", "/blog/care-guide"];
    private static readonly string[] Products = ["Trail Jacket", "Merino Beanie", "Canvas Tote", "Ceramic Mug", "Linen Throw", "Hiking Socks", "Camp Lantern", "Rain Boots"];
    private static readonly string[] CampaignNames = ["Spring Sale", "New Arrivals", "Weekend Offer", "Back in Stock", "Care Guide", "Members Night"];
    private static readonly string[] Subjects = ["Where is my order?", "Refund request", "Wrong size", "Login problem", "Damaged item", "Question about sizing"];
    private static readonly string[] Posts = ["Loving my new {0}!", "Anyone tried the {0}?", "The {0} arrived today", "Disappointed with the {0}", "Great service at the store"];

    private readonly List<Moment> _moments = [];

    public IReadOnlyList<Moment> Moments => _moments;

    public Stories Tell(IEnumerable<Person> people)
    {
        foreach (var person in people)
        {
            Tell(new Habits(person, random));
        }

        // Ids in time order: vendor event ids then read like a real export's.
        _moments.Sort((a, b) => a.At.CompareTo(b.At));
        for (var i = 0; i < _moments.Count; i++)
        {
            _moments[i] = _moments[i] with { Id = i + 1 };
        }

        return this;
    }

    private void Tell(Habits h)
    {
        var start = end.AddDays(-random.Number(20, 360)).AddMinutes(-random.Number(0, 24 * 60));
        if (h.Lead)
        {
            Add(h, start.AddMinutes(-30), Act.LeadSubmitted, detail: "Newsletter");
        }

        var firstPurchase = Consider(h, start, PreTouches(), h.Buyer);
        if (firstPurchase is null)
        {
            Browse(h, start);
            return;
        }

        // After the first purchase: more orders at the person's own pace, each with a few touches before it.
        var at = firstPurchase.Value;
        var orders = 1;
        while (true)
        {
            at = at.AddDays(h.DaysBetweenOrders * (0.6 + random.Double()));
            if (at >= end)
            {
                break;
            }

            Consider(h, at.AddDays(-random.Number(1, 6)), random.Number(0, 4), buy: true);
            orders++;
        }

        if (h.Subscriber)
        {
            Campaigns(h, firstPurchase.Value);
        }

        if (h.Social && random.Number(99) < 40)
        {
            Add(h, Between(firstPurchase.Value, end), random.Bool() ? Act.SocialComment : Act.SocialDirectMessage, detail: Post());
        }
    }

    /// <summary>
    /// <paramref name="touches"/> touchpoints over a few days, then an order (when <paramref name="buy"/>): the time of
    /// the order, or null when the person only looked.
    /// </summary>
    private DateTimeOffset? Consider(Habits h, DateTimeOffset from, int touches, bool buy)
    {
        var inStore = buy && h.StoreShopper && random.Number(99) < 50;
        var plan = new List<Act>();
        if (buy && !inStore && touches >= 3)
        {
            plan.AddRange([Act.ProductAdded, Act.CheckoutStarted]);
        }

        var metaClick = buy && !inStore && plan.Count > 0 && random.Number(99) < 25;
        if (metaClick)
        {
            plan.Insert(0, Act.MetaAdClicked);
        }

        var opening = new List<Act>();
        while (opening.Count + plan.Count < touches)
        {
            opening.AddRange(Unit(h).Take(touches - opening.Count - plan.Count));
        }

        plan.InsertRange(0, opening);
        var days = random.Number(2, 40);
        var times = plan.Select(_ => from.AddMinutes(random.Number(0, days * 24 * 60))).Order().ToList();
        var last = times.Count > 0 ? times[^1] : from;
        var purchase = last.AddMinutes(random.Number(5, 90));
        buy &= purchase < end; // The year ended first: the cart stays abandoned.

        Moment? click = null;
        for (var i = 0; i < plan.Count; i++)
        {
            var moment = Add(h, times[i], plan[i], detail: Detail(plan[i]));
            click = plan[i] == Act.MetaAdClicked ? moment : click;
        }

        // Some carts are left: a checkout more than a day before the order, and no order after it.
        if (buy && !inStore && h.AbandonsCarts && plan.Count > 3)
        {
            Add(h, purchase.AddDays(-random.Number(2, 4)), Act.CheckoutStarted);
        }

        if (!buy)
        {
            return null;
        }

        var order = Add(new Moment(h.Person, purchase, inStore ? Act.StorePurchase : Act.OrderCompleted)
        {
            Amount = Math.Round(random.Decimal(18, 240), 2),
            Detail = Product(),
            MetaClick = click,
        });
        After(h, order);
        return purchase;
    }

    /// <summary>What follows one order: loyalty points, sometimes a refund, a support ticket, a reward redeemed.</summary>
    private void After(Habits h, Moment order)
    {
        if (h.LoyaltyMember)
        {
            Add(h, order.At.AddHours(1), Act.PointsEarned, Math.Round(order.Amount!.Value));
            if (random.Number(99) < 15)
            {
                Add(h, order.At.AddDays(random.Number(3, 20)), Act.PointsRedeemed, random.Number(20, 100), "Redeemed a reward");
            }
        }

        if (order.Act == Act.OrderCompleted && random.Number(99) < 4)
        {
            Add(h, order.At.AddDays(random.Number(3, 10)), Act.OrderRefunded, order.Amount, order.Detail);
        }

        if (random.Number(99) < (h.Showcase ? 30 : 12))
        {
            var solved = h.Showcase || random.Number(99) < 75;
            var rating = solved && (h.Showcase || random.Number(99) < 65) ? (random.Number(99) < 25 ? "bad" : "good") : null;
            var opened = order.At.AddDays(random.Number(1, 8));
            var answered = opened.AddHours(random.Number(1, 72));
            var closed = solved && answered < end; // A ticket the year ended on is still open.
            Add(new Moment(h.Person, opened, Act.TicketOpened)
            {
                Detail = random.ArrayElement(Subjects),
                SolvedAt = closed ? answered : null,
                Rating = closed ? rating : null,
            });
        }
    }

    /// <summary>People who never buy: some browse now and then, a few window-shop heavily in the last month.</summary>
    private void Browse(Habits h, DateTimeOffset start)
    {
        if (h.Subscriber)
        {
            Campaigns(h, start);
        }

        if (h.WindowShopper)
        {
            var from = end.AddDays(-random.Number(5, 28));
            foreach (var _ in Enumerable.Range(0, random.Number(10, 16)))
            {
                Add(h, Between(from, end), Act.PageView, detail: random.ArrayElement(Pages));
            }
        }
    }

    /// <summary>The list's campaigns after <paramref name="from"/>: delivered, some opened and clicked, until the person leaves the list.</summary>
    private void Campaigns(Habits h, DateTimeOffset from)
    {
        for (var at = from.AddDays(random.Number(5, 30)); at < end; at = at.AddDays(random.Number(25, 50)))
        {
            foreach (var act in Email())
            {
                Add(h, at, act, detail: random.ArrayElement(CampaignNames));
                at = at.AddMinutes(random.Number(10, 600));
            }

            var leaving = random.Number(999);
            if (leaving < 25 || (h.Showcase && at > end.AddDays(-20)))
            {
                // Most leave quietly; a few call it spam. The showcase customer stays.
                if (!h.Showcase)
                {
                    Add(h, at.AddMinutes(2), leaving < 5 ? Act.EmailSpamReported : Act.EmailUnsubscribed, detail: "Weekend Offer");
                }

                return;
            }
        }
    }

    /// <summary>One step of the path before an order: a few touchpoints that belong together.</summary>
    private List<Act> Unit(Habits h)
    {
        var roll = random.Number(99);
        return roll switch
        {
            < 22 => random.Number(99) < 40 ? [Act.AdImpression, Act.AdClicked, Act.PageView] : [Act.AdImpression],
            < 30 when h.Subscriber => Email(),
            < 34 when h.Social => [Act.SocialMention],
            < 36 when h.StoreShopper => [Act.EventAttended],
            < 60 => [Act.PageView, Act.ProductViewed],
            < 68 => [Act.ProductsSearched, Act.ProductViewed],
            _ => [Act.PageView],
        };
    }

    private List<Act> Email()
    {
        List<Act> acts = [Act.EmailDelivered];
        if (random.Number(99) < 45)
        {
            acts.Add(Act.EmailOpened);
            if (random.Number(99) < 30)
            {
                acts.Add(Act.EmailClicked);
            }
        }

        return acts;
    }

    /// <summary>Touchpoints before a first order: about eight at the median, rarely one, sometimes twenty.</summary>
    private int PreTouches()
    {
        // Log-normal (Box-Muller): right-skewed like the field's counts, median e^mu = 8.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.Double())) * Math.Cos(2 * Math.PI * random.Double());
        return Math.Clamp((int)Math.Round(Math.Exp(Math.Log(8) + (0.5 * normal))), 1, 30);
    }

    private string? Detail(Act act) => act switch
    {
        Act.PageView => random.ArrayElement(Pages),
        Act.ProductViewed or Act.ProductAdded or Act.CheckoutStarted => Product(),
        Act.ProductsSearched => random.ArrayElement(["jacket", "mug", "socks", "lantern", "gift"]),
        Act.EmailDelivered or Act.EmailOpened or Act.EmailClicked or Act.AdImpression or Act.AdClicked => random.ArrayElement(CampaignNames),
        Act.SocialMention => Post(),
        Act.EventAttended => "Members Night",
        _ => null,
    };

    private string Product() => random.ArrayElement(Products);

    private string Post() => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.ArrayElement(Posts), Product());

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        from >= to ? from : from.AddMinutes(random.Number(0, (int)Math.Max(1, (to - from).TotalMinutes - 1)));

    private Moment Add(Habits h, DateTimeOffset at, Act act, decimal? amount = null, string? detail = null) =>
        Add(new Moment(h.Person, at, act) { Amount = amount, Detail = detail });

    /// <summary>Keeps the moment, moved before the end of the sample if it fell after it.</summary>
    private Moment Add(Moment moment)
    {
        var kept = moment.At < end ? moment : moment with { At = end.AddMinutes(-random.Number(1, 600)) };
        _moments.Add(kept);
        return kept;
    }

    /// <summary>Who the person is to the business. Person 1 (the README's Jane Doe) does a bit of everything.</summary>
    private sealed class Habits(Person person, Randomizer random)
    {
        public Person Person => person;

        public bool Showcase { get; } = person.Number == 1;

        public bool Buyer { get; } = person.Number == 1 || random.Number(99) < 62;

        public bool Subscriber { get; } = person.Number == 1 || random.Number(99) < 60;

        public bool Social { get; } = person.Number == 1 || random.Number(99) < 18;

        public bool StoreShopper { get; } = person.Number == 1 || random.Number(99) < 25;

        public bool LoyaltyMember { get; } = person.Number == 1 || random.Number(99) < 55;

        public bool AbandonsCarts { get; } = person.Number == 1 || random.Number(99) < 20;

        public bool Lead { get; } = random.Number(99) < 6;

        public bool WindowShopper { get; } = random.Number(99) < 8;

        /// <summary>Regulars (one in ten) come back every few weeks; the rest every few months.</summary>
        public double DaysBetweenOrders { get; } = person.Number == 1 || random.Number(99) < 10 ? random.Number(10, 25) : random.Number(45, 150);
    }
}
