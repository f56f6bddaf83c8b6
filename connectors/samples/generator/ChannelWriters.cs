using System.Globalization;
using System.Text;
using System.Text.Json;
using Bogus;
using ProfileHub.Core.Normalization;

namespace ProfileHub.SampleData;

/// <summary>Writes each channel's share of the population in that vendor's own format.</summary>
internal sealed class ChannelWriters(IReadOnlyList<Person> people, int seed, string output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

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
        return _written;
    }

    /// <summary>Segment Spec identify and track calls, one JSON message per line.</summary>
    private void Web()
    {
        var lines = new List<string>();
        foreach (var p in people.Where(_ => Noise.Chance(40)))
        {
            var at = When();
            lines.Add(JsonSerializer.Serialize(
                new
            {
                type = "identify",
                userId = p.UserId,
                messageId = $"id-{p.UserId}",
                timestamp = Iso(at),
                traits = new
                {
                    email = Noise.Email(p.Email),
                    firstName = Noise.GivenName(p.FirstName),
                    lastName = Noise.FamilyName(p.LastName),
                    phone = Noise.Sometimes(Noise.Phone(p.Phone), 40),
                    birthday = Noise.Chance(50) ? p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    address = Noise.Chance(60) ? new { street = p.Street, city = p.City, state = p.Region, postalCode = p.PostalCode, country = "US" } : null,
                },
            }, Json));
            if (Noise.Chance(40))
            {
                lines.Add(JsonSerializer.Serialize(
                new
                {
                    type = "track",
                    @event = "Order Completed",
                    userId = p.UserId,
                    messageId = $"oc-{p.UserId}",
                    timestamp = Iso(at.AddDays(2)),
                    properties = new { order_id = $"o{p.Number}", revenue = Math.Round(_faker.Random.Decimal(12, 240), 2), currency = "USD" },
                }, Json));
            }
        }

        Write("web/segment.jsonl", string.Join('\n', lines) + "\n", lines.Count);
    }

    /// <summary>Mailchimp's audience export: one CSV per status, with the export's own columns.</summary>
    private void Email()
    {
        const string header = "Email Address,First Name,Last Name,Address,Phone Number,Birthday,Email,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS";
        var subscribed = new StringBuilder(header).Append('\n');
        var unsubscribed = new StringBuilder(header.Replace("LAST_CHANGED", "UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER,LAST_CHANGED", StringComparison.Ordinal)).Append('\n');
        var (subs, unsubs) = (0, 0);
        foreach (var p in people.Where(_ => Noise.Chance(35)))
        {
            var changed = Stamp(When());
            var address = Noise.Chance(30) ? $"{p.Street}    {p.City}  {p.Region}  {p.PostalCode}  US" : string.Empty;
            var common = Csv(
                Noise.Email(p.OldEmail ?? p.Email), Noise.GivenName(p.FirstName), Noise.FamilyName(p.LastName), address,
                Noise.Sometimes(Noise.Phone(p.Phone), 60) ?? string.Empty, Noise.Chance(40) ? p.BirthDate.ToString("MM/dd", CultureInfo.InvariantCulture) : string.Empty,
                Noise.Chance(80) ? "Y" : "N", _faker.Random.Number(1, 5).ToString(CultureInfo.InvariantCulture), changed, string.Empty, changed, string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "US", string.Empty);
            if (Noise.Chance(12))
            {
                unsubscribed.Append(common).Append(',').Append(Csv(changed, "Spring Sale", "c42", "NO_LONGER_INTERESTED", string.Empty, changed, $"{p.Number}", string.Empty, string.Empty, string.Empty)).Append('\n');
                unsubs++;
            }
            else
            {
                subscribed.Append(common).Append(',').Append(Csv(changed, $"{p.Number}", string.Empty, string.Empty, string.Empty)).Append('\n');
                subs++;
            }
        }

        Write("email/mailchimp/subscribed_members_export.csv", subscribed.ToString(), subs);
        Write("email/mailchimp/unsubscribed_members_export.csv", unsubscribed.ToString(), unsubs);
    }

    /// <summary>A social-listening export: display names and handles only (weak identities).</summary>
    private void Social()
    {
        var csv = new StringBuilder("Mention ID,Network,Author Handle,Author Name,Content,Published,Kind,Link\n");
        var rows = 0;
        foreach (var p in people.Where(_ => Noise.Chance(15)))
        {
            var network = _faker.PickRandom("Twitter", "Instagram", "Facebook");
            var handle = $"@{p.FirstName.ToLowerInvariant()}{p.LastName[..1].ToLowerInvariant()}{p.Number % 100}";
            csv.Append(Csv($"m{p.Number}", network, handle, $"{p.FirstName} {p.LastName[..1]}.", _faker.Lorem.Sentence(6),
                Iso(When()), _faker.PickRandom("Mention", "Comment", "Reply", "DM"), string.Empty)).Append('\n');
            rows++;
        }

        Write("social/listening.csv", csv.ToString(), rows);
    }

    /// <summary>Lead Ads CSV download and Conversions API events with hashed user data.</summary>
    private void Ads()
    {
        var leads = new StringBuilder("id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,form_name,is_organic,platform,email,full_name,phone_number,zip_code\n");
        var events = new List<string>();
        foreach (var p in people)
        {
            if (Noise.Chance(15))
            {
                leads.Append(Csv($"l{p.Number}", Iso(When()), "6001", "Spring", "5001", "Lookalike", "4001", "Spring 26", "7001", "Newsletter", "false", _faker.PickRandom("fb", "ig"),
                    Noise.Email(p.Email), $"{Noise.GivenName(p.FirstName)} {p.LastName}", Noise.Phone(p.Phone), p.PostalCode)).Append('\n');
            }

            if (Noise.Chance(15))
            {
                var at = When();
                var phone = PhoneNormalizer.Normalize(p.Phone, "US");
                events.Add(JsonSerializer.Serialize(
                new
                {
                    event_name = "Purchase",
                    event_time = at.ToUnixTimeSeconds(),
                    event_id = $"o{p.Number}",
                    action_source = "website",
                    user_data = new
                    {
                        em = new[] { IdentifierHash.HashEmail(EmailNormalizer.Normalize(p.Email)!) },
                        ph = phone.IsValid ? new[] { IdentifierHash.HashPhone(phone) } : null,
                        fbc = Noise.Chance(50) ? $"fb.1.{at.AddHours(-3).ToUnixTimeMilliseconds()}.IwAR{p.Number:D6}" : null,
                    },
                    custom_data = new { value = Math.Round(_faker.Random.Decimal(12, 240), 2), currency = "USD" },
                }, Json));
            }
        }

        Write("ads/leads/leads.csv", leads.ToString(), leads.ToString().Count(c => c == '\n') - 1);
        Write("ads/conversions/events.jsonl", string.Join('\n', events) + "\n", events.Count);
    }

    /// <summary>Zendesk incremental export pages: users, then their tickets.</summary>
    private void Support()
    {
        var users = new List<object>();
        var tickets = new List<object>();
        foreach (var p in people.Where(_ => Noise.Chance(25)))
        {
            var id = 360000 + p.Number;
            var opened = When();
            users.Add(new
            {
                id,
                name = $"{Noise.GivenName(p.FirstName)} {Noise.FamilyName(p.LastName)}",
                email = Noise.Sometimes(p.OldEmail ?? p.Email, 10),
                phone = Noise.Sometimes(Noise.Phone(p.Phone), 50),
                external_id = Noise.Chance(30) ? p.UserId : null,
                role = "end-user",
                updated_at = Iso(opened),
            });
            var solved = Noise.Chance(70);
            tickets.Add(new
            {
                id = 9000 + tickets.Count,
                requester_id = id,
                status = solved ? "solved" : "open",
                subject = _faker.PickRandom("Where is my order?", "Refund request", "Wrong size", "Login problem"),
                via = new { channel = _faker.PickRandom("email", "web", "chat") },
                created_at = Iso(opened),
                updated_at = Iso(opened.AddHours(_faker.Random.Number(1, 72))),
                satisfaction_rating = solved && Noise.Chance(50) ? new { id = 700 + tickets.Count, score = Noise.Chance(75) ? "good" : "bad" } : null,
            });
        }

        Write("support/zendesk/users.json", JsonSerializer.Serialize(new { users, after_cursor = "sample-u", end_of_stream = true }, Json), users.Count);
        Write("support/zendesk/tickets.json", JsonSerializer.Serialize(new { tickets, after_cursor = "sample-t", end_of_stream = true }, Json), tickets.Count);
    }

    /// <summary>Smile.io-style members and points ledger CSVs.</summary>
    private void Loyalty()
    {
        var members = new StringBuilder("id,first_name,last_name,email,date_of_birth,points_balance,vip_tier,updated_at\n");
        var ledger = new StringBuilder("id,customer_id,points_change,description,created_at\n");
        var (memberRows, ledgerRows) = (0, 0);
        foreach (var p in people.Where(_ => Noise.Chance(30)))
        {
            var id = 80000 + p.Number;
            var earned = _faker.Random.Number(50, 900);
            var redeemed = Noise.Chance(40) ? _faker.Random.Number(10, earned) : 0;
            var at = When();
            members.Append(Csv($"{id}", Noise.GivenName(p.FirstName), Noise.FamilyName(p.LastName), Noise.Email(p.Email),
                Noise.Chance(60) ? p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
                $"{earned - redeemed}", earned > 600 ? "Gold" : earned > 300 ? "Silver" : string.Empty, Iso(at))).Append('\n');
            ledger.Append(Csv($"{id}1", $"{id}", $"{earned}", "Placed an order", Iso(at.AddDays(-3)))).Append('\n');
            memberRows++;
            ledgerRows++;
            if (redeemed > 0)
            {
                ledger.Append(Csv($"{id}2", $"{id}", $"-{redeemed}", "Redeemed a reward", Iso(at.AddDays(-1)))).Append('\n');
                ledgerRows++;
            }
        }

        Write("loyalty/1-members.csv", members.ToString(), memberRows);
        Write("loyalty/2-ledger.csv", ledger.ToString(), ledgerRows);
    }

    private DateTimeOffset When() => Start.AddMinutes(_faker.Random.Number(0, 60 * 24 * 60));

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Csv(params string[] fields) =>
        string.Join(',', fields.Select(f => f.Contains(',', StringComparison.Ordinal) || f.Contains('"', StringComparison.Ordinal) || f.StartsWith(' ') ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));

    private void Write(string relative, string content, int rows)
    {
        var path = Path.Combine(output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        _written.Add((path, rows));
    }
}
