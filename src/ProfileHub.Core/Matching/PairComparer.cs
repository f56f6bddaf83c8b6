using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Matching;

/// <summary>
/// Computes the comparison vector of a record pair from interned features, without allocating.
/// Level numbers are the named <see cref="Levels"/>, which follow the label order in <see cref="Comparisons.All"/>.
/// </summary>
internal static class PairComparer
{
    public static ulong Compare(FeatureTable table, int left, int right) =>
        Compare(table, in table[left], in table[right]);

    public static ulong Compare(FeatureTable table, in RecordFeatures a, in RecordFeatures b)
    {
        var pool = table.Pool;
        ulong v = 0;
        if (NamesSwapped(pool, in a, in b))
        {
            v = ComparisonVector.WithNamesSwapped(v);
            // Compared the right way round: a.Given against b.Family, a.Family against b.Given.
            v = ComparisonVector.With(v, (int)Comparison.GivenName, GivenLevel(pool, a.Given, a.GivenCanonical, b.Family, b.Family));
            v = ComparisonVector.With(v, (int)Comparison.FamilyName, FamilyLevel(pool, a.Family, a.Family, b.Given, b.Given));
        }
        else
        {
            v = ComparisonVector.With(v, (int)Comparison.GivenName, GivenLevel(pool, a.Given, a.GivenCanonical, b.Given, b.GivenCanonical));
            v = ComparisonVector.With(v, (int)Comparison.FamilyName, FamilyLevel(pool, a.Family, a.FamilyFirst, b.Family, b.FamilyFirst));
        }

        v = ComparisonVector.With(v, (int)Comparison.BirthDate, BirthDateLevel(pool, in a, in b));
        v = ComparisonVector.With(v, (int)Comparison.Email, EmailLevel(pool, in a, in b));
        v = ComparisonVector.With(v, (int)Comparison.Phone, PhoneLevel(pool, a.Phones, b.Phones));
        v = ComparisonVector.With(v, (int)Comparison.Address, AddressLevel(pool, in a, in b));
        v = ComparisonVector.With(v, (int)Comparison.City, CityLevel(pool, a.City, b.City));
        v = ComparisonVector.With(v, (int)Comparison.PostalCode, PostalCodeLevel(pool, a.PostalCode, b.PostalCode));
        v = ComparisonVector.With(v, (int)Comparison.NationalId, EditLevel(pool, a.NationalId, b.NationalId));
        v = ComparisonVector.With(v, (int)Comparison.LoyaltyId, ExactLevel(a.LoyaltyId, b.LoyaltyId));
        v = ComparisonVector.With(v, (int)Comparison.ExternalId, ExactLevel(a.ExternalId, b.ExternalId));
        v = ComparisonVector.With(v, (int)Comparison.SocialHandle, ExactLevel(a.SocialHandle, b.SocialHandle));
        v = ComparisonVector.With(v, (int)Comparison.Gender, ExactLevel(a.Gender, b.Gender));
        return v;
    }

    /// <summary>
    /// Given and family names entered the wrong way round on one side ("smith john", "hels trey" against
    /// "trey held"), also when one of the four is missing ("white" as the first name, no surname, against
    /// "georgia white"): every crosswise pair present is at least similar, one is very similar or exact,
    /// and no straight pair present is even similar. Straight agreement always wins, so "john john"
    /// against "john smith" is compared straight.
    /// </summary>
    public static bool NamesSwapped(StringPool pool, in RecordFeatures a, in RecordFeatures b)
    {
        if ((a.Given == 0 || b.Family == 0) && (a.Family == 0 || b.Given == 0))
        {
            return false;
        }

        if ((a.Given != 0 && a.Given == b.Given) || (a.Family != 0 && a.Family == b.Family))
        {
            return false;
        }

        var strong = false;
        if (!CrossAgrees(pool, a.Given, b.Family, ref strong) || !CrossAgrees(pool, a.Family, b.Given, ref strong) || !strong)
        {
            return false;
        }

        return !StraightAgrees(pool, a.Given, b.Given) && !StraightAgrees(pool, a.Family, b.Family);
    }

    /// <summary>A crosswise pair: missing is neutral, present must be similar; very similar or one name's nickname (rosario / charo) sets <paramref name="strong"/>.</summary>
    private static bool CrossAgrees(StringPool pool, int x, int y, ref bool strong)
    {
        if (x == 0 || y == 0)
        {
            return true;
        }

        if (GivenNames.MayBeOneName(pool[x], pool[y]))
        {
            strong = true;
            return true;
        }

        if (pool[x].Length == 1 || pool[y].Length == 1)
        {
            // An initial agrees with a name it begins ("q ramos" / "ramos quang"), but is no strong agreement.
            return pool[x][0] == pool[y][0];
        }

        var similarity = x == y ? 1 : StringSimilarity.JaroWinkler(pool[x], pool[y]);
        strong |= similarity >= 0.92;
        return similarity >= 0.80;
    }

    private static bool StraightAgrees(StringPool pool, int x, int y) =>
        x != 0 && y != 0 && StringSimilarity.JaroWinkler(pool[x], pool[y]) >= 0.80;

    private static int ExactLevel(int a, int b) => a == 0 || b == 0 ? Levels.Missing : a == b ? Levels.SameOrNot.Same : Levels.SameOrNot.Different;

    private static int GivenLevel(StringPool pool, int aGiven, int aCanonical, int bGiven, int bCanonical)
    {
        if (aGiven == 0 || bGiven == 0)
        {
            return Levels.Missing;
        }

        if (aGiven == bGiven)
        {
            return Levels.GivenName.Exact;
        }

        var x = pool[aGiven];
        var y = pool[bGiven];
        if (aCanonical == bCanonical || GivenNames.MayBeOneName(x, y))
        {
            return Levels.GivenName.Nickname;
        }

        var similarity = NameSimilarity(x, y);
        if (similarity >= 0.92)
        {
            return Levels.GivenName.VerySimilar;
        }

        if (similarity >= 0.80)
        {
            return Levels.GivenName.Similar;
        }

        // "J" against "John": one side gave only an initial, of the name used or the formal one (F for Nando, Fernando).
        return (x.Length == 1 && GivenNames.MayBeInitialOf(x[0], y, pool[bCanonical])) || (y.Length == 1 && GivenNames.MayBeInitialOf(y[0], x, pool[aCanonical]))
            ? Levels.GivenName.Initial
            : Levels.GivenName.Different;
    }

    /// <summary>
    /// Exact; one of two surnames (one record keeps both, the other only the first, as Spanish-speaking
    /// customers' records often do); very similar (a typo); similar; different.
    /// </summary>
    private static int FamilyLevel(StringPool pool, int a, int aFirst, int b, int bFirst)
    {
        if (a == 0 || b == 0)
        {
            return Levels.Missing;
        }

        if (a == b)
        {
            return Levels.FamilyName.Exact;
        }

        if ((a != aFirst && aFirst == b) || (b != bFirst && bFirst == a))
        {
            return Levels.FamilyName.OneOfTwo;
        }

        var similarity = NameSimilarity(pool[a], pool[b]);
        return similarity >= 0.92 ? Levels.FamilyName.VerySimilar : similarity >= 0.80 ? Levels.FamilyName.Similar : Levels.FamilyName.Different;
    }

    /// <summary>
    /// Jaro-Winkler, except that names equal but for spaces ("h o" / "ho", "soph ie" / "sophie": a
    /// stray or lost space in keying) count as very similar, which Jaro-Winkler on short names misses.
    /// </summary>
    private static double NameSimilarity(string x, string y)
    {
        var similarity = StringSimilarity.JaroWinkler(x, y);
        return similarity < 0.92 && x.Length != y.Length && EqualIgnoring(x, y, static c => c == ' ') ? 0.92 : similarity;
    }

    /// <summary>The two texts are equal once the characters <paramref name="ignored"/> accepts are skipped.</summary>
    private static bool EqualIgnoring(ReadOnlySpan<char> x, ReadOnlySpan<char> y, Func<char, bool> ignored)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < x.Length && ignored(x[i]))
            {
                i++;
            }

            while (j < y.Length && ignored(y[j]))
            {
                j++;
            }

            if (i == x.Length || j == y.Length)
            {
                return i == x.Length && j == y.Length;
            }

            if (x[i++] != y[j++])
            {
                return false;
            }
        }
    }

    private static int AddressLevel(StringPool pool, in RecordFeatures a, in RecordFeatures b)
    {
        if (a.Street == 0 || b.Street == 0)
        {
            return Levels.Missing;
        }

        var street = a.Street == b.Street ? 1.0 : StringSimilarity.JaroWinkler(pool[a.Street], pool[b.Street]);
        var numberMissing = a.StreetNumber == 0 || b.StreetNumber == 0;
        var sameNumber = !numberMissing && a.StreetNumber == b.StreetNumber;
        if (street >= 0.9)
        {
            return sameNumber ? Levels.Address.Same : numberMissing ? Levels.Address.NumberMissing : Levels.Address.SameStreetDifferentNumber;
        }

        return sameNumber && street >= 0.75 ? Levels.Address.SameNumberSimilarStreet : Levels.Address.Different;
    }

    /// <summary>The levels of <see cref="Comparison.BirthDate"/>, strongest first (see <see cref="Comparisons.All"/>).</summary>
    private static int BirthDateLevel(StringPool pool, in RecordFeatures a, in RecordFeatures b)
    {
        if (a.BirthKey == 0 || b.BirthKey == 0)
        {
            return Levels.Missing;
        }

        if (a.BirthKey == b.BirthKey)
        {
            return Levels.BirthDate.Exact;
        }

        var x = pool[a.BirthKey].AsSpan();
        var y = pool[b.BirthKey].AsSpan();
        var distance = StringSimilarity.BoundedEditDistance(x, y, 2);
        if (distance <= 1)
        {
            return Levels.BirthDate.OneTypo;
        }

        // yyyyMMdd against yyyyddMM: a date written in the other order (US forms against the rest).
        if (x.Length == 8 && y.Length == 8 && x[..4].SequenceEqual(y[..4])
            && x.Slice(4, 2).SequenceEqual(y.Slice(6, 2)) && x.Slice(6, 2).SequenceEqual(y.Slice(4, 2)))
        {
            return Levels.BirthDate.DayMonthSwapped;
        }

        var days = a.BirthDay == 0 || b.BirthDay == 0 ? int.MaxValue : Math.Abs(a.BirthDay - b.BirthDay);
        return days <= 31 ? Levels.BirthDate.WithinMonth
            : distance == 2 ? Levels.BirthDate.TwoTypos
            : days <= 366 ? Levels.BirthDate.WithinYear
            : days <= 3653 ? Levels.BirthDate.WithinTenYears
            : Levels.BirthDate.Different;
    }

    private static int CityLevel(StringPool pool, int a, int b)
    {
        if (a == 0 || b == 0)
        {
            return Levels.Missing;
        }

        return a == b ? Levels.City.Exact : StringSimilarity.JaroWinkler(pool[a], pool[b]) >= 0.88 ? Levels.City.Similar : Levels.City.Different;
    }

    /// <summary>Exact, within one edit (a typo, a transposed pair), else different.</summary>
    private static int EditLevel(StringPool pool, int a, int b)
    {
        if (a == 0 || b == 0)
        {
            return Levels.Missing;
        }

        if (a == b)
        {
            return Levels.OneTypo.Exact;
        }

        return StringSimilarity.BoundedEditDistance(pool[a], pool[b], 1) <= 1 ? Levels.OneTypo.OneTypoApart : Levels.OneTypo.Different;
    }

    private static int PostalCodeLevel(StringPool pool, int a, int b)
    {
        var level = EditLevel(pool, a, b);
        return level == Levels.OneTypo.Different
            ? District(pool[a]) is { IsEmpty: false } district && district.SequenceEqual(District(pool[b])) ? Levels.PostalCode.SameDistrict : Levels.PostalCode.Different
            : level;
    }

    /// <summary>
    /// The postal district of a normalized postcode: a UK postcode's outward code (BN26 of BN268JZ: all but the
    /// inward digit and two letters), a five-digit code's first three digits (a US sectional centre, a Spanish
    /// province and its area); empty for other shapes, which are compared whole.
    /// </summary>
    private static ReadOnlySpan<char> District(string code)
    {
        if (code.Length is >= 5 and <= 7 && char.IsAsciiDigit(code[^3]) && char.IsAsciiLetter(code[^2]) && char.IsAsciiLetter(code[^1]) && char.IsAsciiLetter(code[0]))
        {
            return code.AsSpan(0, code.Length - 3);
        }

        return code.Length == 5 && code.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? code.AsSpan(0, 3) : [];
    }

    private static int EmailLevel(StringPool pool, in RecordFeatures a, in RecordFeatures b)
    {
        if (a.Emails.Length == 0 || b.Emails.Length == 0)
        {
            return Levels.Missing;
        }

        if (SharesAny(a.Emails, b.Emails))
        {
            return Levels.Email.Exact;
        }

        if (SharesAny(a.GmailKeys, b.GmailKeys))
        {
            return Levels.Email.SameGmailAccount;
        }

        // Two Gmail accounts compare only in the form Gmail delivers to, so a typo still shows through a dot
        // written in one record and not the other (lauragonzalezdiat812 / laura.gonzalez.diaz812), and a dot
        // does not hide other digits (margare.tnguyen86 / margaretnguyen81: two accounts).
        return Math.Min(MailboxLevel(pool, a.Emails, b.Emails, skipGmailPairs: true), MailboxLevel(pool, a.GmailKeys, b.GmailKeys, skipGmailPairs: false));
    }

    private static int MailboxLevel(StringPool pool, int[] a, int[] b, bool skipGmailPairs)
    {
        var level = Levels.Email.Different;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (!skipGmailPairs || !IsGmail(pool[x]) || !IsGmail(pool[y]))
                {
                    level = Math.Min(level, MailboxLevel(pool[x], pool[y]));
                }
            }
        }

        return level;
    }

    /// <summary>Whether both mailbox names carry a number and the numbers differ.</summary>
    private static bool DifferentNumbers(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        Span<char> leftDigits = stackalloc char[left.Length];
        Span<char> rightDigits = stackalloc char[right.Length];
        var l = Digits(left, leftDigits);
        var r = Digits(right, rightDigits);
        return l > 0 && r > 0 && !leftDigits[..l].SequenceEqual(rightDigits[..r]);
    }

    private static int Digits(ReadOnlySpan<char> text, Span<char> digits)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
        }

        return count;
    }

    private static bool IsGmail(string address) =>
        address.EndsWith("@gmail.com", StringComparison.Ordinal) || address.EndsWith("@googlemail.com", StringComparison.Ordinal);

    /// <summary>
    /// Two different addresses: one mailbox mistyped ("similar mailbox", one edit apart: robert255 / roberta255 at one
    /// domain, or one mailbox at a mistyped domain), the same mailbox name at an unrelated domain (a
    /// namesake's work address as often as the same person's), or different. Not similar: other digits, whatever
    /// the letters (craig9055 / craig1855, tien_nguyen / tien_nguyen2, juan73 / juanp738: another account; a
    /// mistyped digit is lost, a stranger's account is not taken for a typo), a changed mailbox at
    /// another provider (dan.hand@icloud / dean.hand@hotmail), nor mailboxes that differ only in dots,
    /// dashes or underscores outside Gmail (beverlysmith / beverly.smith@hotmail.com: two mailboxes).
    /// </summary>
    private static int MailboxLevel(string left, string right)
    {
        var leftAt = left.IndexOf('@', StringComparison.Ordinal);
        var rightAt = right.IndexOf('@', StringComparison.Ordinal);
        if (leftAt < 5 || rightAt < 5)
        {
            return Levels.Email.Different;
        }

        var leftBox = left.AsSpan(0, leftAt);
        var rightBox = right.AsSpan(0, rightAt);
        var leftDomain = left.AsSpan(leftAt + 1);
        var rightDomain = right.AsSpan(rightAt + 1);
        var domains = StringSimilarity.BoundedEditDistance(leftDomain, rightDomain, 2);
        if (leftBox.SequenceEqual(rightBox))
        {
            return domains <= 2 ? Levels.Email.SimilarMailbox : Levels.Email.NameElsewhere;
        }

        if (domains != 0 || EqualIgnoring(leftBox, rightBox, IsMailboxPunctuation))
        {
            return Levels.Email.Different;
        }

        if (EqualIgnoring(leftBox, rightBox, char.IsAsciiDigit) || DifferentNumbers(leftBox, rightBox))
        {
            // eddie.nguyen541 / eddie.nguyen561, florence.nguyen60 / florence.nguyen760, tien_nguyen / tien_nguyen2,
            // patrickk70 / patrick274: the number people append to a taken name tells namesakes' accounts apart.
            return Levels.Email.Different;
        }

        // One slip of the keyboard (a letter changed, added, dropped or two swapped). Two are not a typo but another
        // account more often than not: dnguyen / ducnguyen, robertn / robert43, minhp / minh14.
        return StringSimilarity.BoundedEditDistance(leftBox, rightBox, 1) <= 1 ? Levels.Email.SimilarMailbox : Levels.Email.Different;
    }

    /// <summary>The first of a's addresses whose mailbox name (before the '@') one of b's addresses shares.</summary>
    public static int SharedMailboxName(in RecordFeatures a, in RecordFeatures b, StringPool pool)
    {
        foreach (var x in a.Emails)
        {
            var left = pool[x].AsSpan();
            var box = left[..Math.Max(0, left.IndexOf('@'))];
            foreach (var y in b.Emails)
            {
                var right = pool[y].AsSpan();
                if (right[..Math.Max(0, right.IndexOf('@'))].SequenceEqual(box))
                {
                    return x;
                }
            }
        }

        return a.Emails.Length > 0 ? a.Emails[0] : 0;
    }

    private static bool IsMailboxPunctuation(char c) => c is '.' or '-' or '_';

    private static int PhoneLevel(StringPool pool, int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Levels.Missing;
        }

        if (SharesAny(a, b))
        {
            return Levels.Phone.Exact;
        }

        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (StringSimilarity.BoundedEditDistance(pool[x], pool[y], 1) <= 1)
                {
                    return Levels.Phone.OneDigitApart;
                }
            }
        }

        return Levels.Phone.Different;
    }

    public static bool SharesAny(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y && x != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The interned value two records share at a value-weighted level of a comparison, or 0: for names and
    /// places the value itself (the single surname at "one of two surnames"); for identifiers the shared
    /// value fewest people hold (then fewest records), which is the strongest evidence the pair has.
    /// Swapped names are weighed by <see cref="PairScorer"/>, which knows both readings.
    /// </summary>
    public static int SharedValue(in RecordFeatures a, in RecordFeatures b, Comparison comparison, int level, TermFrequencies frequencies) => comparison switch
    {
        Comparison.GivenName => a.Given,
        Comparison.FamilyName => level == Levels.FamilyName.OneOfTwo && a.Family != b.FamilyFirst ? b.Family : a.Family,
        Comparison.City => a.City,
        Comparison.PostalCode => a.PostalCode,
        Comparison.Email => level == Levels.Email.SameGmailAccount ? LeastHeld(a.GmailKeys, b.GmailKeys, comparison, frequencies) : LeastHeld(a.Emails, b.Emails, comparison, frequencies),
        Comparison.Phone => LeastHeld(a.Phones, b.Phones, comparison, frequencies),
        Comparison.NationalId => a.NationalId,
        Comparison.LoyaltyId => a.LoyaltyId,
        Comparison.ExternalId => a.ExternalId,
        Comparison.SocialHandle => a.SocialHandle,
        _ => 0,
    };

    private static int LeastHeld(int[] a, int[] b, Comparison comparison, TermFrequencies frequencies)
    {
        var best = 0;
        var bestPeople = int.MaxValue;
        var bestCount = int.MaxValue;
        foreach (var x in a)
        {
            if (x != 0 && Array.IndexOf(b, x) >= 0)
            {
                var people = frequencies.People(comparison, x);
                var count = frequencies.Count(comparison, x);
                if (people < bestPeople || (people == bestPeople && (count < bestCount || (count == bestCount && x < best))))
                {
                    best = x;
                    bestPeople = people;
                    bestCount = count;
                }
            }
        }

        return best;
    }
}
