namespace ProfileHub.Core.Matching;

/// <summary>
/// One record's precomputed, interned matching features (ids into the table's <see cref="StringPool"/>,
/// 0 = missing). A struct in one array per table so scoring walks memory, not object graphs.
/// </summary>
internal struct RecordFeatures
{
    public int Given;
    public int GivenCanonical;
    public int Family;

    /// <summary>The first word of a family name of several ("garcia" of "garcia lopez"); else Family.</summary>
    public int FamilyFirst;

    /// <summary>NYSIIS code of <see cref="FamilyFirst"/> (FamilyCode when the name has one word).</summary>
    public int FamilyFirstCode;
    public int GivenCode;

    /// <summary>NYSIIS code of the given name as written (GivenCode is of its canonical form).</summary>
    public int GivenOwnCode;

    /// <summary>NYSIIS code of a compound given name's first word ("james" of "james john"); 0 for a one-word name.</summary>
    public int GivenFirstCode;
    public int FamilyCode;
    public int BirthKey;
    public int BirthYear;
    public int BirthDay;
    public int StreetNumber;
    public int Street;
    public int City;
    public int PostalCode;
    public int Gender;
    public int NationalId;
    public int LoyaltyId;
    public int SocialHandle;
    public int ExternalId;
    public int Source;
    public int[] Emails;
    public int[] GmailKeys;
    public int[] Phones;

    /// <summary>Whether the names were read from the record's own mailbox (<see cref="NameWordRoles"/>), not given.</summary>
    public bool NamesFromMailbox;
}
