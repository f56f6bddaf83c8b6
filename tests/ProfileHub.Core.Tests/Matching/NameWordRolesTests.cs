using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class NameWordRolesTests
{
    private static NormalizedRecord Named(string id, string? given, string? family, string? middle = null) =>
        new() { Id = id, Given = given, Family = family, Middle = middle, FamilyCode = Nysiis.Encode(family) };

    private static NameWordRoles Spanish() => NameWordRoles.Count(
    [
        Named("1", "ana", "ledesma"), Named("2", "pedro", "ledesma garcia"), Named("3", "lucia", "ledesma"),
        Named("4", "maria jose", "lopez"), Named("5", "jose", "moreno"), Named("6", "jose", "ruiz"),
    ]);

    [Fact]
    public void A_middle_word_the_data_writes_as_a_surname_becomes_the_first_of_two_surnames()
    {
        var record = Named("full", "ana", "arce", middle: "ledesma");

        Spanish().Settle(record);

        Assert.Equal("ledesma arce", record.Family);
        Assert.Equal(Nysiis.Encode("ledesma arce"), record.FamilyCode);
        Assert.Null(record.Middle);
    }

    [Fact]
    public void A_middle_word_the_data_writes_as_a_first_name_stays_a_middle_name()
    {
        var record = Named("full", "maria", "garcia", middle: "jose");

        Spanish().Settle(record);

        Assert.Equal("garcia", record.Family);
        Assert.Equal("jose", record.Middle);
    }

    [Fact]
    public void A_middle_word_the_data_has_never_seen_stays_a_middle_name()
    {
        var record = Named("full", "john", "smith", middle: "fitzgerald");

        Spanish().Settle(record);

        Assert.Equal("smith", record.Family);
    }

    [Fact]
    public void Only_the_last_middle_word_moves_and_settling_twice_changes_nothing()
    {
        var record = Named("full", "maria", "arce", middle: "jose ledesma");
        var roles = Spanish();

        roles.Settle(record);
        roles.Settle(record);

        Assert.Equal("ledesma arce", record.Family);
        Assert.Equal("jose", record.Middle);
    }
}
