using System.Globalization;

namespace ProfileHub.Bench.Synthetic;

/// <summary>
/// What a generated base looks like from the matcher's side: how many records a person, how concentrated the
/// surnames, how many name-only records, how many strangers share a full name or an e-mail, and how many true
/// pairs an exact identifier already links (the rest must be found by names, addresses and dates).
/// </summary>
internal static class CustomerBaseStats
{
    public static void Print(IReadOnlyList<CustomerRecord> records, TextWriter output)
    {
        var people = GroupByPerson(records);
        Line(output, "records", N(records.Count));
        Line(output, "people", N(people.Count));
        Line(output, "records per person", Histogram(people));
        Line(output, "sources", Sources(records));
        Line(output, "most common surname", TopSurname(records, people));
        var nameOnly = records.Count(r => r.HasOnlyName);
        Line(output, "records with only a name", $"{N(nameOnly)} ({Pct(nameOnly, records.Count)})");
        var (namePairs, sharedNames) = StrangerPairs(records, FullNameKey);
        Line(output, "stranger pairs, same full name", $"{N(namePairs)} (over {N(sharedNames)} names)");
        Line(output, "stranger pairs, same e-mail", EmailPairs(records));
        TruePairs(output, records, people);
    }

    private static Dictionary<string, List<int>> GroupByPerson(IReadOnlyList<CustomerRecord> records)
    {
        var people = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (!people.TryGetValue(records[i].PersonId, out var list))
            {
                people[records[i].PersonId] = list = new List<int>(4);
            }

            list.Add(i);
        }

        return people;
    }

    private static string Histogram(Dictionary<string, List<int>> people)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var list in people.Values)
        {
            counts[list.Count] = counts.GetValueOrDefault(list.Count) + 1;
        }

        var mean = people.Count == 0 ? 0 : people.Values.Sum(l => l.Count) / (double)people.Count;
        return string.Join("  ", counts.Select(c => $"{c.Key}: {Pct(c.Value, people.Count)}")) + string.Create(CultureInfo.InvariantCulture, $"  (mean {mean:0.00})");
    }

    private static string Sources(IReadOnlyList<CustomerRecord> records) =>
        string.Join("  ", records.GroupBy(r => r.Source, StringComparer.Ordinal).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {Pct(g.Count(), records.Count)}"));

    private static string TopSurname(IReadOnlyList<CustomerRecord> records, Dictionary<string, List<int>> people)
    {
        var top = people.Values.GroupBy(l => records[l[0]].Surname, StringComparer.Ordinal)
            .Select(g => (Surname: g.Key, People: g.Count()))
            .OrderByDescending(s => s.People).ThenBy(s => s.Surname, StringComparer.Ordinal)
            .FirstOrDefault();
        return top.Surname is null ? "-" : $"{top.Surname}: {Pct(top.People, people.Count, "0.00")} of people ({N(top.People)})";
    }

    /// <summary>The full name a record gives (full_name, or first and last), lower-case; null without both parts.</summary>
    private static string? FullNameKey(CustomerRecord r)
    {
        var name = r.FullName ?? (r.FirstName is not null && r.LastName is not null ? r.FirstName + " " + r.LastName : null);
        name = name?.Trim().ToLowerInvariant();
        return name is not null && name.Contains(' ', StringComparison.Ordinal) ? name : null;
    }

    private static string? EmailKey(CustomerRecord r) => r.Email?.Trim().ToLowerInvariant();

    /// <summary>Pairs of distinct people whose records share a value of <paramref name="key"/>, and how many values do.</summary>
    private static (long Pairs, int Values) StrangerPairs(
        IReadOnlyList<CustomerRecord> records, Func<CustomerRecord, string?> key, Func<string, bool>? only = null)
    {
        var holders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (key(r) is { } value && (only is null || only(value)))
            {
                if (!holders.TryGetValue(value, out var set))
                {
                    holders[value] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(r.PersonId);
            }
        }

        long pairs = 0;
        var values = 0;
        foreach (var set in holders.Values)
        {
            if (set.Count > 1)
            {
                pairs += (long)set.Count * (set.Count - 1) / 2;
                values++;
            }
        }

        return (pairs, values);
    }

    private static string EmailPairs(IReadOnlyList<CustomerRecord> records)
    {
        var (all, allValues) = StrangerPairs(records, EmailKey);
        var (junk, junkValues) = StrangerPairs(records, EmailKey, IsJunk);
        return $"{N(all)} (junk {N(junk)} over {N(junkValues)} addresses; family and slips {N(all - junk)} over {N(allValues - junkValues)})";
    }

    private static bool IsJunk(string email) => Array.IndexOf(CustomerBaseGenerator.JunkEmails, email) >= 0;

    /// <summary>Pairs of one person's records, and how many an exact normalized identifier links.</summary>
    private static void TruePairs(TextWriter output, IReadOnlyList<CustomerRecord> records, Dictionary<string, List<int>> people)
    {
        long total = 0, email = 0, phone = 0, loyalty = 0, handle = 0, any = 0;
        foreach (var list in people.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var x = records[list[a]];
                    var y = records[list[b]];
                    var e = Same(EmailKey(x), EmailKey(y));
                    var p = Same(Digits(x.Phone), Digits(y.Phone));
                    var l = Same(x.LoyaltyId, y.LoyaltyId);
                    var h = Same(x.SocialHandle?.Trim().ToLowerInvariant(), y.SocialHandle?.Trim().ToLowerInvariant());
                    total++;
                    email += e ? 1 : 0;
                    phone += p ? 1 : 0;
                    loyalty += l ? 1 : 0;
                    handle += h ? 1 : 0;
                    any += e || p || l || h ? 1 : 0;
                }
            }
        }

        Line(output, "true pairs (same person)", N(total));
        Line(output, "  sharing an exact e-mail", $"{N(email)} ({Pct(email, total)})");
        Line(output, "  sharing an exact phone", $"{N(phone)} ({Pct(phone, total)})");
        Line(output, "  sharing a loyalty id", $"{N(loyalty)} ({Pct(loyalty, total)})");
        Line(output, "  sharing a handle", $"{N(handle)} ({Pct(handle, total)})");
        Line(output, "  sharing any of these", $"{N(any)} ({Pct(any, total)}); the other {N(total - any)} need names, addresses, dates");
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && a.Length > 0 && a == b;

    private static string? Digits(string? phone) => phone is null ? null : string.Concat(phone.Where(char.IsAsciiDigit));

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"{label,-32}{value}");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(long part, long whole, string format = "0.0") =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString(format, CultureInfo.InvariantCulture) + "%";
}
