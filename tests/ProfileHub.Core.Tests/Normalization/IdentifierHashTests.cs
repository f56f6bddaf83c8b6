using ProfileHub.Core.Normalization;

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
}
