namespace ProfileHub.Core.Matching;

/// <summary>
/// The level numbers of each comparison, named. A level is the index of its label in
/// <see cref="Comparisons.All"/> (what an explanation prints) and of its m- and u-probability in a model (what
/// default-match-model.json and the stored models hold), so the numbers never change: a new level goes before
/// "different" only together with a retrained default model. Level 0 of every comparison is "missing".
/// </summary>
internal static class Levels
{
    /// <summary>A value is missing on either side: no evidence, weight 0.</summary>
    public const int Missing = 0;

    /// <summary>The first level of every comparison: the two records hold the same value.</summary>
    public const int Exact = 1;

    public static class GivenName
    {
        public const int Exact = Levels.Exact;

        /// <summary>A nickname or a short form of one name (Bob / Robert, Mamen / María Carmen).</summary>
        public const int Nickname = 2;

        /// <summary>Jaro-Winkler 0.92 and above: a typo.</summary>
        public const int VerySimilar = 3;

        /// <summary>Jaro-Winkler 0.80 to 0.92.</summary>
        public const int Similar = 4;

        /// <summary>One side gave only the other's initial ("J" / "John").</summary>
        public const int Initial = 5;

        /// <summary>Not a typo, nickname or initial.</summary>
        public const int Different = 6;
    }

    public static class FamilyName
    {
        public const int Exact = Levels.Exact;

        /// <summary>"one of two surnames": García against García López.</summary>
        public const int OneOfTwo = 2;

        public const int VerySimilar = 3;

        public const int Similar = 4;

        public const int Different = 5;
    }

    /// <summary>Strongest first: a pair takes the first level that holds.</summary>
    public static class BirthDate
    {
        public const int Exact = Levels.Exact;

        public const int OneTypo = 2;

        /// <summary>Day and month swapped: the last level that still points at one date.</summary>
        public const int DayMonthSwapped = 3;

        public const int WithinMonth = 4;

        public const int TwoTypos = 5;

        /// <summary>The first level that no longer reads as one date mistyped.</summary>
        public const int WithinYear = 6;

        public const int WithinTenYears = 7;

        public const int Different = 8;
    }

    public static class Email
    {
        public const int Exact = Levels.Exact;

        /// <summary>The same Gmail account written two ways (mary.nguyen / marynguyen+shop): the same mailbox.</summary>
        public const int SameGmailAccount = 2;

        /// <summary>One mailbox mistyped; the levels above it are the same mailbox.</summary>
        public const int SimilarMailbox = 3;

        /// <summary>The same mailbox name at another domain: weak, shared by namesakes at other companies.</summary>
        public const int NameElsewhere = 4;

        public const int Different = 5;
    }

    public static class Phone
    {
        public const int Exact = Levels.Exact;

        public const int OneDigitApart = 2;

        public const int Different = 3;
    }

    public static class Address
    {
        public const int Same = Levels.Exact;

        public const int NumberMissing = 2;

        public const int SameNumberSimilarStreet = 3;

        public const int SameStreetDifferentNumber = 4;

        public const int Different = 5;
    }

    public static class City
    {
        public const int Exact = Levels.Exact;

        public const int Similar = 2;

        public const int Different = 3;
    }

    /// <summary>National id (and a postal code before its district is asked): exact, one edit apart (a typo, a transposed pair), different.</summary>
    public static class OneTypo
    {
        public const int Exact = Levels.Exact;

        public const int OneTypoApart = 2;

        public const int Different = 3;
    }

    public static class PostalCode
    {
        public const int Exact = Levels.Exact;

        public const int OneTypoApart = 2;

        /// <summary>The same postal district (BN26 of BN26 8JZ and BN26 5RO; a US ZIP's first three digits): the same area, not the same street.</summary>
        public const int SameDistrict = 3;

        public const int Different = 4;
    }

    /// <summary>Loyalty id, external id, social handle and gender: the same value or not.</summary>
    public static class SameOrNot
    {
        public const int Same = Levels.Exact;

        public const int Different = 2;
    }
}
