using ProfileHub.Core.Normalization;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Normalization;

public class AddressNormalizerTests
{
    [Theory]
    [InlineData("123 North Main Street", "123", "n main st", null)]
    [InlineData("123 N. Main St.", "123", "n main st", null)]
    [InlineData("123 Main Street Apt 4B", "123", "main st", "4b")]
    [InlineData("123 Main St, Apartment 4B", "123", "main st", "4b")]
    [InlineData("123 Main St #5", "123", "main st", "5")]
    [InlineData("123 Main St Unit 12", "123", "main st", "12")]
    [InlineData("Flat 3, 12 High Street", "12", "high st", "3")]
    [InlineData("1600 Pennsylvania Ave NW Suite 200", "1600", "pennsylvania ave nw", "200")]
    [InlineData("350 Fifth Avenue", "350", "5th ave", null)]
    [InlineData("5th Avenue", null, "5th ave", null)]
    [InlineData("12a Baker Road", "12a", "baker rd", null)]
    [InlineData("12-14 Church Lane", "12-14", "church ln", null)]
    [InlineData("4/12 Smith Street", "12", "smith st", "4")]
    [InlineData("Unit 4, 12 Smith Pde", "12", "smith pde", "4")]
    [InlineData("221B Baker Street", "221b", "baker st", null)]
    [InlineData("10 Downing St, Floor 2", "10", "downing st", "fl 2")]
    [InlineData("Calle Mayor 5", "5", "calle mayor", null)]
    [InlineData("Avenida de la Constitución, nº 12", "12", "ave de la constitucion", null)]
    [InlineData("Hauptstraße 12", "12", "haupt st", null)]
    [InlineData("Haupt Str. 12", "12", "haupt st", null)]
    [InlineData("O'Connell Street", null, "oconnell st", null)]
    [InlineData("P.O. Box 123", "123", "po box", null)]
    [InlineData("PO Box 123", "123", "po box", null)]
    [InlineData("12 N.Main St", "12", "n main st", null)]
    public void Street_lines_split_into_number_street_and_unit(string line1, string? number, string? street, string? unit)
    {
        Assert.Equal(new NormalizedStreet(number, street, unit), AddressNormalizer.NormalizeStreet(line1));
    }

    [Theory]
    [InlineData("Street", "st")]
    [InlineData("Str", "st")]
    [InlineData("Avenue", "ave")]
    [InlineData("Av", "ave")]
    [InlineData("Road", "rd")]
    [InlineData("Boulevard", "blvd")]
    [InlineData("Crescent", "cres")]
    [InlineData("Terrace", "ter")]
    [InlineData("Parkway", "pkwy")]
    public void Street_types_have_one_canonical_spelling(string type, string canonical)
    {
        Assert.Equal("elm " + canonical, AddressNormalizer.NormalizeStreet("1 Elm " + type).Street);
    }

    [Fact]
    public void Spellings_of_one_address_from_two_sources_agree()
    {
        var a = AddressNormalizer.NormalizeStreet("123 NORTH MAIN STREET, APT. 4-B");
        var b = AddressNormalizer.NormalizeStreet("123 n main st", "Apt 4B");

        Assert.Equal(a.Street, b.Street);
        Assert.Equal(a.Number, b.Number);
    }

    [Theory]
    [InlineData("Apt 4B", "4b")]
    [InlineData("Suite 200", "200")]
    [InlineData("4B", "4b")]
    [InlineData("Building 5", "building 5")]
    public void Line_two_supplies_the_unit(string line2, string unit)
    {
        Assert.Equal(unit, AddressNormalizer.NormalizeStreet("123 Main St", line2).Unit);
    }

    [Fact]
    public void Unit_on_line_one_wins_over_line_two()
    {
        Assert.Equal("7", AddressNormalizer.NormalizeStreet("123 Main St Apt 7", "Apt 9").Unit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ,. ")]
    public void Blank_street_gives_an_empty_street(string? line1)
    {
        Assert.Equal(new NormalizedStreet(null, null, null), AddressNormalizer.NormalizeStreet(line1));
    }

    [Fact]
    public void Ten_thousand_character_street_line_is_cut_without_blowing_up()
    {
        var street = AddressNormalizer.NormalizeStreet("12 " + string.Concat(Enumerable.Repeat("Long Road ", 1_000)));

        Assert.Equal("12", street.Number);
        Assert.StartsWith("long rd long rd", street.Street, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" sw1a 1aa ", "GB", "SW1A1AA")]
    [InlineData("SW1A 1AA", "United Kingdom", "SW1A1AA")]
    [InlineData("02134", "US", "02134")]
    [InlineData("2134", "US", "02134")]
    [InlineData("02134-1234", "USA", "02134")]
    [InlineData("08001", "ES", "08001")]
    [InlineData("k1a 0b1", "CA", "K1A0B1")]
    [InlineData("2000", "AU", "2000")]
    [InlineData("2134", null, "2134")]
    public void Postal_codes_compare_without_spaces_and_keep_leading_zeros(string raw, string? country, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.NormalizePostalCode(raw, country));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData(" - ")]
    public void Blank_postal_code_gives_null(string? raw)
    {
        Assert.Null(AddressNormalizer.NormalizePostalCode(raw, "US"));
    }

    [Theory]
    [InlineData("St. Louis", "saint louis")]
    [InlineData("Saint Louis", "saint louis")]
    [InlineData("SÃO PAULO", "sao paulo")]
    [InlineData("Mt Vernon", "mount vernon")]
    [InlineData("Winston-Salem", "winston salem")]
    [InlineData("  Düsseldorf ", "dusseldorf")]
    [InlineData("İzmir", "izmir")]
    public void City_names_fold_and_spell_out_abbreviations(string raw, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.NormalizeCity(raw));
    }

    [Theory]
    [InlineData("United Kingdom", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("GB", "GB")]
    [InlineData("gb", "GB")]
    [InlineData("GBR", "GB")]
    [InlineData("Great Britain", "GB")]
    [InlineData("england", "GB")]
    [InlineData("U.S.A.", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("España", "ES")]
    [InlineData("ESPAÑA", "ES")]
    [InlineData("México", "MX")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("the Netherlands", "NL")]
    [InlineData(" au ", "AU")]
    [InlineData("Türkiye", "TR")]
    public void Country_names_and_codes_map_to_iso_alpha_2(string raw, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.NormalizeCountry(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Narnia")]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    public void Unknown_countries_give_null(string? raw)
    {
        Assert.Null(AddressNormalizer.NormalizeCountry(raw));
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var seen = 0;
        foreach (var text in RandomText.Strings(3_000))
        {
            var street = AddressNormalizer.NormalizeStreet(text, text);
            _ = AddressNormalizer.NormalizePostalCode(text, "US");
            _ = AddressNormalizer.NormalizeCity(text);
            _ = AddressNormalizer.NormalizeRegion(text, null);
            var country = AddressNormalizer.NormalizeCountry(text);
            Assert.True(country is null || country.Length == 2);
            seen += street.Street is null ? 0 : 1;
        }

        Assert.True(seen > 0);
    }

    [Theory]
    [InlineData("California", "US", "CA")]
    [InlineData("Calif.", "US", "CA")]
    [InlineData("ca", "United States", "CA")]
    [InlineData("N.Y.", "US", "NY")]
    [InlineData("District of Columbia", "US", "DC")]
    [InlineData("New South Wales", "AU", "NSW")]
    [InlineData("nsw", "Australia", "NSW")]
    [InlineData("WA", "AU", "WA")]
    [InlineData("Western Australia", "AU", "WA")]
    [InlineData("Québec", "CA", "QC")]
    [InlineData("Ontario", null, "ON")]
    [InlineData("Victoria", null, "VIC")]
    public void Us_canadian_and_australian_regions_become_their_codes(string raw, string? country, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.NormalizeRegion(raw, country));
    }

    [Fact]
    public void Million_character_region_is_folded_without_blowing_the_stack()
    {
        Assert.Equal(1_000_000, AddressNormalizer.NormalizeRegion(new string('x', 1_000_000), null)?.Length);
    }

    [Theory]
    [InlineData("Comunidad de Madrid", "ES", "comunidad de madrid")]
    [InlineData("Bavaria", "US", "bavaria")]
    [InlineData("  Île-de-France ", "FR", "ile de france")]
    public void Other_regions_are_folded_words(string raw, string? country, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.NormalizeRegion(raw, country));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("--")]
    public void Blank_region_gives_null(string? raw)
    {
        Assert.Null(AddressNormalizer.NormalizeRegion(raw, "US"));
    }
}
