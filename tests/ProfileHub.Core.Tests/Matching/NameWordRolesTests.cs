using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class NameWordRolesTests
{
    /// <summary>A name as the parser reads one full-name field: first word given, last word family, the rest middle.</summary>
    private static NormalizedRecord FromFullName(string given, string? middle, string family)
    {
        var record = new NormalizedRecord { Id = "full", Middle = middle, NamesFromFullName = true };
        FeatureExtractor.SetNames(record, given, family);
        return record;
    }

    private static NormalizedRecord Fields(string given, string family)
    {
        var record = new NormalizedRecord { Id = given + family };
        FeatureExtractor.SetNames(record, given, family);
        return record;
    }

    private static NameWordRoles Spanish() => NameWordRoles.Count(
    [
        Fields("ana", "ledesma"), Fields("pedro", "ledesma garcia"), Fields("lucia", "ledesma"), Fields("maria jose", "lopez"),
        Fields("jose", "moreno"), Fields("jose", "ruiz"), Fields("marcelino", "leon"), Fields("irene", "leon vidal"), Fields("ines", "vidal"),
    ]);

    [Fact]
    public void A_middle_word_the_data_writes_as_a_surname_becomes_the_first_of_two_surnames()
    {
        var record = FromFullName("ana", "ledesma", "arce");

        Spanish().Settle(record);

        Assert.Equal("ana", record.Given);
        Assert.Equal("ledesma arce", record.Family);
        Assert.Equal(Nysiis.Encode("ledesma arce"), record.FamilyCode);
        Assert.Null(record.Middle);
    }

    [Fact]
    public void A_middle_word_the_data_writes_as_a_first_name_joins_a_compound_given_name()
    {
        var record = FromFullName("maria", "jose", "garcia");

        Spanish().Settle(record);

        Assert.Equal("maria jose", record.Given);
        Assert.Equal("garcia", record.Family);
        Assert.Null(record.Middle);
    }

    [Fact]
    public void A_middle_word_the_data_has_never_seen_stays_a_middle_name()
    {
        var record = FromFullName("john", "fitzgerald", "smith");

        Spanish().Settle(record);

        Assert.Equal("john", record.Given);
        Assert.Equal("smith", record.Family);
        Assert.Equal("fitzgerald", record.Middle);
    }

    [Fact]
    public void A_display_name_of_two_surnames_has_no_given_name()
    {
        var record = FromFullName("leon", null, "vidal");

        Spanish().Settle(record);

        Assert.Null(record.Given);
        Assert.Null(record.GivenCanonical);
        Assert.Equal("leon vidal", record.Family);
    }

    [Fact]
    public void A_four_word_Spanish_name_settles_once()
    {
        var record = FromFullName("maria", "jose ledesma", "arce");
        var roles = Spanish();

        roles.Settle(record);
        roles.Settle(record);

        Assert.Equal("maria jose", record.Given);
        Assert.Equal("ledesma arce", record.Family);
        Assert.Null(record.Middle);
    }

    [Fact]
    public void Names_given_in_their_own_fields_are_left_as_they_are()
    {
        var record = Fields("leon", "vidal");

        Spanish().Settle(record);

        Assert.Equal("leon", record.Given);
        Assert.Equal("vidal", record.Family);
    }

    private static NameWordRoles Customers() => NameWordRoles.Count(
    [
        Fields("raymond", "quiroz"), Fields("vy", "turner"), Fields("nam", "bruen"), Fields("john", "le"), Fields("lee", "smith"),
        Fields("anna", "leeson"), Fields("leeson", "grant"), Fields("shirley", "bethke"), Fields("anthony", "najera"), Fields("gloria", "wiza"),
        Fields("joanne", "sanchez"), Fields("anne", "jo"),
    ]);

    [Theory]
    [InlineData("raymondquiroz69@icloud.com", "raymond", "quiroz")]
    [InlineData("turner.vy428@msn.com", "vy", "turner")]
    [InlineData("nbruen101@yahoo.com", "n", "bruen")]
    [InlineData("raymond_quiroz+news@gmail.com", "raymond", "quiroz")]
    public void A_mailbox_made_of_a_first_name_or_initial_and_a_surname_reads_as_that_name(string address, string given, string family) =>
        Assert.Equal((given, family), Customers().NameInMailbox(address));

    [Theory]
    [InlineData("jle@gmail.com")] // too short to say anything
    [InlineData("thequirozes@gmail.com")] // no first name, no reading
    [InlineData("raymond.k.quiroz@gmail.com")] // three parts
    [InlineData("turner@gmail.com")] // a surname alone
    [InlineData("joanne951@gmail.com")] // a first name alone, though "anne" + "jo" would split it
    [InlineData("joan.ne951@gmail.com")] // the same, a dot added (Gmail ignores it)
    public void A_mailbox_that_is_not_one_name_reads_as_none(string address) =>
        Assert.Null(Customers().NameInMailbox(address));

    [Fact]
    public void A_nameless_record_takes_the_name_its_mailbox_is()
    {
        var record = new NormalizedRecord { Id = "web" };
        record.Emails.Add("raymondquiroz69@icloud.com");

        Customers().Settle(record);

        Assert.Equal("raymond", record.Given);
        Assert.Equal("quiroz", record.Family);
    }

    [Fact]
    public void A_record_with_a_name_keeps_it_whatever_its_mailbox_says()
    {
        var record = Fields("ray", "quiroz");
        record.Emails.Add("turner.vy428@msn.com");

        Customers().Settle(record);

        Assert.Equal("ray", record.Given);
    }

    [Theory]
    [InlineData("shirley", "s.bethke@keystonetech.com", "bethke")]
    [InlineData("tony", "a.najera@aperturepartners.com", "najera")]
    [InlineData("mary", "s.bethke@keystonetech.com", null)]
    public void A_record_with_only_a_first_name_takes_the_surname_of_a_mailbox_whose_first_name_is_its_own(string given, string address, string? family)
    {
        var record = new NormalizedRecord { Id = "web" };
        FeatureExtractor.SetNames(record, given, null);
        record.Emails.Add(address);

        Customers().Settle(record);

        Assert.Equal(given, record.Given);
        Assert.Equal(family, record.Family);
    }

    [Fact]
    public void A_social_profile_with_only_a_first_name_takes_the_surname_its_handle_spells_and_stays_unflagged()
    {
        var record = new NormalizedRecord { Id = "social", SocialHandle = "gloria.wiza" };
        FeatureExtractor.SetNames(record, "gloria", null);

        Customers().Settle(record);

        Assert.Equal("wiza", record.Family);
        Assert.False(record.NamesFromMailbox);
    }
}
