using ProfileHub.Core.Normalization;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Normalization;

public class NameNormalizerTests
{
    [Theory]
    [InlineData("José", "jose")]
    [InlineData("JOSE\u0301", "jose")]
    [InlineData("Müller", "muller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Bjørn Ødegård", "bjorn odegard")]
    [InlineData("Łukasz Żółć", "lukasz zolc")]
    [InlineData("İlkay Gündoğan", "ilkay gundogan")]
    [InlineData("Işıl", "isil")]
    [InlineData("Ægir Þórsson", "aegir thorsson")]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("François-Xavier", "francois xavier")]
    public void Accents_and_special_letters_fold_to_plain_lower_case(string raw, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("D`Angelo", "dangelo")]
    [InlineData("Jean-Luc", "jean luc")]
    [InlineData("Mary–Kate", "mary kate")]
    [InlineData("J.R.R. Tolkien", "j r r tolkien")]
    [InlineData("  John   SMITH  ", "john smith")]
    [InlineData("John\u00A0Smith", "john smith")]
    [InlineData("Jo\u200Bhn Sm\u00ADith", "john smith")]
    [InlineData("John Smith 3rd", "john smith rd")]
    [InlineData("R2D2", "rd")]
    [InlineData("Ｊｏｈｎ", "john")]
    public void Punctuation_digits_and_spacing_are_cleaned(string raw, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("Jean-Luc O'Brien")]
    [InlineData("Straße Ærø")]
    [InlineData("J.R.R. Tolkien")]
    public void Normalizing_a_normalized_name_changes_nothing(string raw)
    {
        var once = NameNormalizer.Normalize(raw);

        Assert.Equal(once, NameNormalizer.Normalize(once));
    }

    [Fact]
    public void Non_latin_letters_are_kept_in_lower_case()
    {
        Assert.Equal("дмитрий", NameNormalizer.Normalize("Дмитрий"));
        Assert.Equal("정", NameNormalizer.Normalize("정"));
        Assert.Equal("федор", NameNormalizer.Normalize("Фёдор"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234")]
    [InlineData("-.,'")]
    [InlineData("\u200B\u00AD")]
    public void Nothing_left_gives_null(string? raw)
    {
        Assert.Null(NameNormalizer.Normalize(raw));
    }

    [Fact]
    public void Ten_thousand_characters_normalize_without_blowing_up()
    {
        var name = NameNormalizer.Normalize(string.Concat(Enumerable.Repeat("Zoë-", 2_500)));

        Assert.NotNull(name);
        Assert.Equal(2_500, name.Split(' ').Length);
        Assert.All(name.Split(' '), word => Assert.Equal("zoe", word));
    }

    [Theory]
    [InlineData("bob", "robert")]
    [InlineData("bobby", "robert")]
    [InlineData("rob", "robert")]
    [InlineData("robbie", "robert")]
    [InlineData("bill", "william")]
    [InlineData("will", "william")]
    [InlineData("peggy", "margaret")]
    [InlineData("steph", "steven")]
    [InlineData("paco", "francisco")]
    [InlineData("pepe", "jose")]
    [InlineData("nacho", "ignacio")]
    [InlineData("lupita", "guadalupe")]
    [InlineData("chema", "jose maria")]
    public void Diminutives_map_to_their_given_name(string diminutive, string canonical)
    {
        Assert.Equal(canonical, NameNormalizer.CanonicalGivenName(diminutive));
    }

    [Theory]
    [InlineData("robert")]
    [InlineData("margaret")]
    [InlineData("zephyr")]
    public void Full_and_unknown_names_are_their_own_canonical_form(string name)
    {
        Assert.Equal(name, NameNormalizer.CanonicalGivenName(name));
    }

    [Theory]
    [InlineData("John Smith", "john", null, "smith")]
    [InlineData("Smith, John", "john", null, "smith")]
    [InlineData("Smith, John Andrew", "john", "andrew", "smith")]
    [InlineData("Dr. John A. Smith Jr.", "john", "a", "smith")]
    [InlineData("Mrs Mary Ann O'Brien", "mary", "ann", "obrien")]
    [InlineData("John Smith, Jr.", "john", null, "smith")]
    [InlineData("John Smith, PhD", "john", null, "smith")]
    [InlineData("John Smith III", "john", null, "smith")]
    [InlineData("Ludwig van Beethoven", "ludwig", null, "van beethoven")]
    [InlineData("Juan de la Cruz", "juan", null, "de la cruz")]
    [InlineData("Jean-Luc Picard", "jean luc", null, "picard")]
    [InlineData("Sra. María José Pérez", "maria", "jose", "perez")]
    [InlineData("Madonna", "madonna", null, null)]
    [InlineData("John\nSmith", "john", null, "smith")]
    [InlineData("John\u3000Smith", "john", null, "smith")]
    public void Full_names_split_into_given_middle_and_family(string fullName, string? given, string? middle, string? family)
    {
        Assert.Equal(new PersonName(given, middle, family), NameNormalizer.Parse(fullName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Blank_full_name_gives_an_empty_name(string? fullName)
    {
        Assert.Equal(new PersonName(null, null, null), NameNormalizer.Parse(fullName));
    }

    [Fact]
    public void Family_name_alone_before_a_comma_is_kept()
    {
        Assert.Equal(new PersonName(null, null, "smith"), NameNormalizer.Parse("Smith,"));
    }

    [Fact]
    public void Very_long_full_name_is_parsed_from_its_first_words()
    {
        var name = NameNormalizer.Parse(string.Join(' ', Enumerable.Repeat("Ann", 5_000)));

        Assert.Equal("ann", name.Given);
        Assert.Equal("ann", name.Family);
    }

    [Fact]
    public void Random_text_never_throws_and_any_result_is_trimmed_single_spaced_lower_case()
    {
        foreach (var text in RandomText.Strings(3_000))
        {
            var name = NameNormalizer.Normalize(text);
            _ = NameNormalizer.Parse(text);
            if (name is not null)
            {
                Assert.Equal(name.Trim(), name);
                Assert.DoesNotContain("  ", name, StringComparison.Ordinal);
                Assert.Equal(name, NameNormalizer.Normalize(name));
                _ = NameNormalizer.CanonicalGivenName(name);
            }
        }
    }
}
