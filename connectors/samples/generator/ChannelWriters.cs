using System.Globalization;
using System.Text;
using System.Text.Json;
using Bogus;
using CsvHelper;
using ProfileHub.Core.Normalization;

namespace ProfileHub.SampleData;

/// <summary>Writes each channel's view of the people's <see cref="Moment"/>s in that vendor's own format, with the noise real exports have.</summary>
internal sealed class ChannelWriters(IReadOnlyList<Moment> moments, int seed, string output)
{
    // Nulls left out and '+' unescaped: the files are read by ProfileHub, not embedded in HTML, and stay small.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Faker _faker = new("en_US") { Random = new Randomizer(seed + 1) };
    private readonly List<(string Path, int Rows)> _written = [];

    private Noise Noise => new(_faker.Random);

    public IReadOnlyList<(string Path, int Rows)> WriteAll()
    {
        Web();
        Email();
        Social();
        Ads();
        Support();
        Loyalty();
        Stores();
        return _written;
    }

    /// <summary>Segment Spec identify (at a person's first visit), page and track calls, one JSON message per line, in time order.</summary>
    private void Web()
    {
        var lines = new List<(DateTimeOffset At, string Json)>();
        foreach (var visits in Of(Act.PageView, Act.ProductViewed, Act.ProductsSearched, Act.ProductAdded, Act.CheckoutStarted, Act.OrderCompleted, Act.OrderRefunded)
            .GroupBy(m => m.Person))
        {
            var p = visits.Key;
            var social = moments.Any(m => m.Person == p && m.Act is Act.SocialMention or Act.SocialComment or Act.SocialDirectMessage);
            var identified = visits.First().At.AddMinutes(-2);
            lines.Add((identified, JsonSerializer.Serialize(
                new
                {
                    type = "identify",
                    userId = p.UserId,
                    messageId = $"id-{p.UserId}",
                    timestamp = Iso(identified),
                    traits = new
                    {
                        email = Noise.Email(p.Email),
                        firstName = Noise.GivenName(p.FirstName),
                        lastName = Noise.FamilyName(p.LastName),
                        phone = Noise.Sometimes(Noise.Phone(p.Phone), 40),
                        birthday = Noise.Chance(50) ? p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                        address = Noise.Chance(60) ? new { street = p.Street, city = p.City, state = p.Region, postalCode = p.PostalCode, country = "US" } : null,
                        username = social ? p.Handle : null,
                    },
                },
                Json)));
            lines.AddRange(visits.Select(m => (m.At, WebCall(m))));
        }

        // In time order, as Segment's export writes them: each identify just before its person's first visit.
        Write("web/segment.jsonl", string.Join('\n', lines.OrderBy(l => l.At).Select(l => l.Json)) + "\n", lines.Count);
    }

    private static string WebCall(Moment m)
    {
        object? properties = m.Act switch
        {
            Act.PageView => new { path = m.Detail },
            Act.ProductsSearched => new { query = m.Detail },
            Act.OrderCompleted => new { order_id = $"o{m.Id}", product = m.Detail, revenue = m.Amount, currency = "USD" },
            Act.OrderRefunded => new { product = m.Detail, total = m.Amount, currency = "USD" },
            _ => new { product = m.Detail },
        };
        return m.Act == Act.PageView
            ? JsonSerializer.Serialize(new { type = "page", userId = m.Person.UserId, messageId = $"w{m.Id}", timestamp = Iso(m.At), properties }, Json)
            : JsonSerializer.Serialize(new { type = "track", @event = EventName(m.Act), userId = m.Person.UserId, messageId = $"w{m.Id}", timestamp = Iso(m.At), properties }, Json);
    }

    private static string EventName(Act act) => act switch
    {
        Act.ProductViewed => "Product Viewed",
        Act.ProductsSearched => "Products Searched",
        Act.ProductAdded => "Product Added",
        Act.CheckoutStarted => "Checkout Started",
        Act.OrderCompleted => "Order Completed",
        _ => "Order Refunded",
    };

    /// <summary>
    /// SendGrid Event Webhook posts archived as files, one per month (a JSON array of events), and Mailchimp's
    /// audience export of the same list: one CSV per status.
    /// </summary>
    private void Email()
    {
        var events = Of(Act.EmailDelivered, Act.EmailOpened, Act.EmailClicked, Act.EmailUnsubscribed, Act.EmailSpamReported).ToList();
        foreach (var month in events.GroupBy(m => m.At.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
        {
            var posts = month.Select(m => new
            {
                email = m.Person.Email,
                timestamp = m.At.ToUnixTimeSeconds(),
                @event = m.Act switch
                {
                    Act.EmailDelivered => "delivered",
                    Act.EmailOpened => "open",
                    Act.EmailClicked => "click",
                    Act.EmailUnsubscribed => "unsubscribe",
                    _ => "spamreport",
                },
                sg_event_id = $"sg{m.Id:D7}",
                sg_message_id = $"{m.Person.Number:D5}.{m.At:yyyyMMdd}",
                url = m.Act == Act.EmailClicked ? "https://shop.example.com/sale" : null,
                marketing_campaign_name = m.Detail,
            }).ToList();
            Write($"email/sendgrid/{month.Key}.json", JsonSerializer.Serialize(posts, Json), posts.Count);
        }

        const string header = "Email Address,First Name,Last Name,Address,Phone Number,Birthday,Email,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS";
        var subscribed = new StringBuilder(header).Append('\n');
        var unsubscribed = new StringBuilder(header.Replace("LAST_CHANGED", "UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER,LAST_CHANGED", StringComparison.Ordinal)).Append('\n');
        var (subs, unsubs) = (0, 0);
        foreach (var list in events.GroupBy(m => m.Person))
        {
            var p = list.Key;
            var optin = Stamp(list.First().At.AddDays(-1));
            var address = Noise.Chance(30) ? $"{p.Street}    {p.City}  {p.Region}  {p.PostalCode}  US" : string.Empty;
            var common = Csv(
                Noise.Email(p.Email), Noise.GivenName(p.FirstName), Noise.FamilyName(p.LastName), address,
                Noise.Sometimes(Noise.Phone(p.Phone), 60) ?? string.Empty, Noise.Chance(40) ? p.BirthDate.ToString("MM/dd", CultureInfo.InvariantCulture) : string.Empty,
                "Y", _faker.Random.Number(1, 5).ToString(CultureInfo.InvariantCulture), optin, string.Empty, optin, string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "US", string.Empty);
            if (list.LastOrDefault(m => m.Act is Act.EmailUnsubscribed or Act.EmailSpamReported) is { } left)
            {
                var at = Stamp(left.At);
                unsubscribed.Append(common).Append(',').Append(Csv(at, left.Detail ?? string.Empty, "c42", left.Act == Act.EmailSpamReported ? "SPAM" : "NO_LONGER_INTERESTED", string.Empty, at, $"{p.Number}", string.Empty, string.Empty, string.Empty)).Append('\n');
                unsubs++;
            }
            else
            {
                subscribed.Append(common).Append(',').Append(Csv(optin, $"{p.Number}", string.Empty, string.Empty, string.Empty)).Append('\n');
                subs++;
            }
        }

        Write("email/mailchimp/subscribed_members_export.csv", subscribed.ToString(), subs);
        Write("email/mailchimp/unsubscribed_members_export.csv", unsubscribed.ToString(), unsubs);
    }

    /// <summary>A social-listening export: handles and display names only (weak identities), mentions, comments and DMs.</summary>
    private void Social()
    {
        var csv = new StringBuilder("Mention ID,Network,Author Handle,Author Name,Content,Published,Kind,Link\n");
        var rows = 0;
        foreach (var m in Of(Act.SocialMention, Act.SocialComment, Act.SocialDirectMessage))
        {
            var p = m.Person;
            var kind = m.Act switch { Act.SocialMention => "Mention", Act.SocialComment => "Comment", _ => "DM" };
            csv.Append(Csv($"m{m.Id}", _faker.PickRandom("Twitter", "Instagram", "Facebook"), p.Handle, $"{p.FirstName} {p.LastName[..1]}.", m.Detail ?? string.Empty,
                Iso(m.At), kind, string.Empty)).Append('\n');
            rows++;
        }

        Write("social/listening.csv", csv.ToString(), rows);
    }

    /// <summary>
    /// Meta Lead Ads' CSV download; Conversions API events for web orders (with the fbc click id when a Meta ad
    /// click led to the order); and the display network's impression and click log, keyed by the site's user id.
    /// </summary>
    private void Ads()
    {
        var leads = new StringBuilder("id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,form_name,is_organic,platform,email,full_name,phone_number,zip_code\n");
        var leadRows = 0;
        foreach (var m in Of(Act.LeadSubmitted))
        {
            var p = m.Person;
            leads.Append(Csv($"l{m.Id}", Iso(m.At), "6001", "Spring", "5001", "Lookalike", "4001", "Spring 26", "7001", "Newsletter", "false", _faker.PickRandom("fb", "ig"),
                Noise.Email(p.Email), $"{Noise.GivenName(p.FirstName)} {p.LastName}", Noise.Phone(p.Phone), p.PostalCode)).Append('\n');
            leadRows++;
        }

        var events = new List<string>();
        foreach (var order in Of(Act.OrderCompleted).Where(o => o.MetaClick is not null || Noise.Chance(40)))
        {
            var p = order.Person;
            var phone = PhoneNormalizer.Normalize(p.Phone, "US");
            var sent = order.At.AddSeconds(5); // The server reports the order just after it was placed.
            events.Add(JsonSerializer.Serialize(
                new
                {
                    event_name = "Purchase",
                    event_time = sent.ToUnixTimeSeconds(),
                    event_id = $"o{order.Id}",
                    action_source = "website",
                    user_data = new
                    {
                        em = new[] { IdentifierHash.HashEmail(EmailNormalizer.Normalize(p.Email)!) },
                        ph = phone.IsValid ? new[] { IdentifierHash.HashPhone(phone) } : null,
                        fbc = order.MetaClick is { } click ? $"fb.1.{click.At.ToUnixTimeMilliseconds()}.IwAR{p.Number:D6}{click.At:MMddHHmm}" : null,
                    },
                    custom_data = new { value = order.Amount, currency = "USD", order_id = $"o{order.Id}" },
                },
                Json));
        }

        var display = new StringBuilder("event_id,event_time,logged_at,event_type,user_id,campaign,placement\n");
        var displayRows = 0;
        foreach (var m in Of(Act.AdImpression, Act.AdClicked))
        {
            display.Append(Csv($"d{m.Id}", Iso(m.At), Iso(m.At.AddSeconds(1)), m.Act == Act.AdImpression ? "Ad Impression" : "Ad Click", m.Person.UserId,
                m.Detail ?? string.Empty, _faker.PickRandom("news-sidebar", "recipes-banner", "video-preroll"))).Append('\n');
            displayRows++;
        }

        Write("ads/leads/leads.csv", leads.ToString(), leadRows);
        Write("ads/conversions/events.jsonl", string.Join('\n', events) + "\n", events.Count);
        Write("ads/display/impressions.csv", display.ToString(), displayRows);
    }

    /// <summary>Zendesk incremental export pages: the requesters, then their tickets (solved, some rated good or bad).</summary>
    private void Support()
    {
        var tickets = Of(Act.TicketOpened).ToList();
        var users = tickets.GroupBy(t => t.Person).Select(g =>
        {
            var p = g.Key;
            return new
            {
                id = 360000 + p.Number,
                name = $"{Noise.GivenName(p.FirstName)} {Noise.FamilyName(p.LastName)}",
                email = Noise.Sometimes(p.OldEmail ?? p.Email, 10),
                phone = Noise.Sometimes(Noise.Phone(p.Phone), 50),
                external_id = Noise.Chance(30) ? p.UserId : null,
                role = "end-user",
                updated_at = Iso(g.First().At),
            };
        }).ToList();
        var exported = tickets.Select(t => new
        {
            id = 9000 + t.Id,
            requester_id = 360000 + t.Person.Number,
            status = t.SolvedAt is null ? "open" : "solved",
            subject = t.Detail,
            via = new { channel = _faker.PickRandom("email", "web", "chat") },
            created_at = Iso(t.At),
            updated_at = Iso(t.SolvedAt ?? t.At),
            satisfaction_rating = t.Rating is { } score ? new { id = 700000 + t.Id, score } : null,
        }).ToList();

        Write("support/zendesk/users.json", JsonSerializer.Serialize(new { users, after_cursor = "sample-u", end_of_stream = true }, Json), users.Count);
        Write("support/zendesk/tickets.json", JsonSerializer.Serialize(new { tickets = exported, after_cursor = "sample-t", end_of_stream = true }, Json), exported.Count);
    }

    /// <summary>Smile.io-style members (balance and VIP tier from the ledger) and points ledger CSVs.</summary>
    private void Loyalty()
    {
        var members = new StringBuilder("id,first_name,last_name,email,date_of_birth,points_balance,vip_tier,updated_at\n");
        var ledger = new StringBuilder("id,customer_id,points_change,description,created_at\n");
        var (memberRows, ledgerRows) = (0, 0);
        foreach (var entries in Of(Act.PointsEarned, Act.PointsRedeemed).GroupBy(m => m.Person))
        {
            var p = entries.Key;
            var (earned, balance) = (0, 0);
            foreach (var m in entries)
            {
                var change = (int)m.Amount!.Value * (m.Act == Act.PointsEarned ? 1 : -1);
                if (balance + change < 0)
                {
                    continue; // Not enough points for that reward.
                }

                (earned, balance) = (earned + Math.Max(change, 0), balance + change);
                ledger.Append(Csv($"{m.Id}", $"{LoyaltyId(p)}", $"{change}", m.Detail ?? "Placed an order", Iso(m.At))).Append('\n');
                ledgerRows++;
            }

            members.Append(Csv($"{LoyaltyId(p)}", Noise.GivenName(p.FirstName), Noise.FamilyName(p.LastName), Noise.Email(p.Email),
                Noise.Chance(60) ? p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
                $"{balance}", earned >= 600 ? "Gold" : earned >= 300 ? "Silver" : "Bronze", Iso(entries.Last().At))).Append('\n');
            memberRows++;
        }

        Write("loyalty/1-members.csv", members.ToString(), memberRows);
        Write("loyalty/2-ledger.csv", ledger.ToString(), ledgerRows);
    }

    /// <summary>The stores' point-of-sale export: receipts (the e-receipt address, the loyalty card when shown) and event check-ins.</summary>
    private void Stores()
    {
        var members = Of(Act.PointsEarned).Select(m => m.Person).ToHashSet();
        var csv = new StringBuilder("receipt_id,store,occurred_at,recorded_at,event,customer_email,loyalty_id,total,currency\n");
        var rows = 0;
        foreach (var m in Of(Act.StorePurchase, Act.EventAttended))
        {
            var purchase = m.Act == Act.StorePurchase;
            csv.Append(Csv($"s{m.Id}", _faker.PickRandom("Portland Pearl", "Seattle Ballard", "Denver LoDo"), Iso(m.At), Iso(m.At.AddMinutes(1)),
                purchase ? "Store Purchase" : "Event Attended", Noise.Email(m.Person.Email),
                members.Contains(m.Person) && Noise.Chance(70) ? $"{LoyaltyId(m.Person)}" : string.Empty,
                purchase ? m.Amount!.Value.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty, purchase ? "USD" : string.Empty)).Append('\n');
            rows++;
        }

        Write("stores/receipts.csv", csv.ToString(), rows);
    }

    private static int LoyaltyId(Person p) => 80000 + p.Number;

    private IEnumerable<Moment> Of(params Act[] acts) => moments.Where(m => acts.Contains(m.Act));

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // RFC 4180 by CsvHelper; its formula escaping is off because the vendors' exports carry '+' phones and '-' amounts
    // as they are. A field with a leading space is quoted too, as the vendors do, so the noise " ada@example.com " is
    // the value's own and not the file's formatting.
    private static readonly CsvWriterOptions CsvOptions = new()
    {
        NewLine = "\n",
        Injection = CsvInjection.None,
        ShouldQuote = (field, _, _, _) => field.StartsWith(' '),
    };

    /// <summary>One CSV line's fields, without its line break (the callers append rows to whole-file builders).</summary>
    private static string Csv(params string[] fields)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            csv.EndRecord();
        }

        return text.ToString()[..^CsvOptions.NewLine.Length];
    }

    private void Write(string relative, string content, int rows)
    {
        var path = Path.Combine(output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        _written.Add((path, rows));
    }
}
