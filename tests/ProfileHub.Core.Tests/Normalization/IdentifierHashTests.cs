using ProfileHub.Core.Normalization;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Normalization;

public class IdentifierHashTests
{
    [Fact]
    public void Sha256_of_abc_matches_the_FIPS_180_test_vector()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", IdentifierHash.Sha256Hex("abc"));
    }

    [Fact]
    public void Email_hash_matches_Metas_documented_example()
    {
        // Meta Conversions API, customer information parameters, em: John_Smith@gmail.com.
        var email = EmailNormalizer.Normalize("John_Smith@gmail.com")!;

        Assert.Equal("62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f", IdentifierHash.HashEmail(email));
    }

    [Fact]
    public void Phone_hash_matches_Metas_documented_example()
    {
        // Meta Conversions API, ph: US (650)555-1212 normalizes to 16505551212.
        var phone = PhoneNormalizer.Normalize("(650)555-1212", "US");

        Assert.Equal("e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176", IdentifierHash.HashPhone(phone));
    }

    [Fact]
    public void Phone_hash_uses_the_digits_without_the_plus()
    {
        var phone = PhoneNormalizer.Normalize("+44 20 7946 0958", null);

        Assert.Equal(IdentifierHash.Sha256Hex("442079460958"), IdentifierHash.HashPhone(phone));
        Assert.NotEqual(IdentifierHash.Sha256Hex("+442079460958"), IdentifierHash.HashPhone(phone));
    }

    [Fact]
    public void Hashing_an_invalid_phone_throws()
    {
        var phone = PhoneNormalizer.Normalize("call me maybe", "US");

        Assert.Throws<ArgumentException>(() => IdentifierHash.HashPhone(phone));
    }

    [Fact]
    public void Non_ascii_values_are_hashed_as_utf8()
    {
        // "é" is C3 A9 in UTF-8; hashing the UTF-16 code unit instead would give another digest.
        Assert.Equal(IdentifierHash.Sha256Hex("\u00E9"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0xC3, 0xA9])));
    }

    [Fact]
    public void Long_values_hash_like_short_ones()
    {
        var value = new string('x', 10_000);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value))), IdentifierHash.Sha256Hex(value));
    }

    [Theory]
    [InlineData("Mary", "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec")]
    [InlineData(" MARY. ", "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec")]
    [InlineData("Valéry", "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c")]
    [InlineData("Vale\u0301ry", "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c")]
    [InlineData("정", "8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14")]
    public void Name_hash_matches_Metas_documented_examples(string raw, string expected)
    {
        // Meta Conversions API, fn/ln: lower case, no punctuation, special characters kept in UTF-8.
        Assert.Equal(expected, IdentifierHash.HashName(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - 12 ")]
    public void Name_without_letters_has_no_hash(string? raw)
    {
        Assert.Null(IdentifierHash.HashName(raw));
    }

    [Fact]
    public void Birth_date_hash_is_of_the_yyyymmdd_form()
    {
        Assert.Equal(IdentifierHash.Sha256Hex("19900203"), IdentifierHash.HashBirthDate(new DateOnly(1990, 2, 3)));
    }

    [Fact]
    public void Random_text_hashes_without_throwing()
    {
        foreach (var text in RandomText.Strings(1_000))
        {
            Assert.Equal(64, IdentifierHash.Sha256Hex(text).Length);
            var name = IdentifierHash.HashName(text);
            Assert.True(name is null || name.Length == 64);
        }
    }
}
