using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;

namespace ProfileHub.Core.Tests.Normalization;

public class IdentifierNormalizerTests
{
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void An_email_is_trimmed_and_lower_cased()
    {
        Assert.Equal("jane.doe@example.com", IdentifierNormalizer.Normalize(IdentifierKind.Email, "  Jane.Doe@Example.COM "));
    }

    [Fact]
    public void A_value_without_an_at_sign_is_not_an_email()
    {
        Assert.Null(IdentifierNormalizer.Email("jane.doe.example.com"));
    }

    [Fact]
    public void A_phone_becomes_E164_reading_national_numbers_in_the_default_region()
    {
        Assert.Equal("+16505551212", IdentifierNormalizer.Phone("(650) 555-1212", "US"));
        Assert.Equal("+442079460958", IdentifierNormalizer.Normalize(IdentifierKind.Phone, "+44 20 7946 0958"));
    }

    [Fact]
    public void An_unreadable_phone_is_not_an_identifier()
    {
        Assert.Null(IdentifierNormalizer.Phone("call me maybe", "US"));
    }

    [Fact]
    public void A_hash_is_trimmed_and_lower_cased_and_must_be_64_hex_digits()
    {
        Assert.Equal(AbcSha256, IdentifierNormalizer.Sha256("  " + AbcSha256.ToUpperInvariant() + " "));
        Assert.Null(IdentifierNormalizer.Sha256(AbcSha256[..63]));
        Assert.Null(IdentifierNormalizer.Sha256(AbcSha256[..63] + "g"));
    }

    [Fact]
    public void A_hashed_email_kind_accepts_the_hash_or_the_clear_address_hashed_as_Meta_does()
    {
        // Meta Conversions API, customer information parameters, em: John_Smith@gmail.com.
        const string metaExample = "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f";

        Assert.Equal(metaExample, IdentifierNormalizer.Normalize(IdentifierKind.HashedEmail, " John_Smith@gmail.com"));
        Assert.Equal(metaExample, IdentifierNormalizer.Normalize(IdentifierKind.HashedEmail, metaExample.ToUpperInvariant()));
        Assert.Null(IdentifierNormalizer.Normalize(IdentifierKind.HashedEmail, "not an address"));
    }

    [Fact]
    public void A_hashed_phone_kind_hashes_a_clear_number_in_its_default_region()
    {
        // Meta Conversions API, ph: US (650)555-1212 normalizes to 16505551212.
        const string metaExample = "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176";

        Assert.Equal(metaExample, IdentifierNormalizer.Normalize(IdentifierKind.HashedPhone, "(650)555-1212", "US"));
        Assert.Equal(metaExample, IdentifierNormalizer.HashOfPhone("+1 650 555 1212", null));
        Assert.Null(IdentifierNormalizer.HashOfPhone("call me maybe", "US"));
    }

    [Theory]
    [InlineData(IdentifierKind.ExternalId)]
    [InlineData(IdentifierKind.LoyaltyId)]
    [InlineData(IdentifierKind.SocialHandle)]
    [InlineData(IdentifierKind.AnonymousId)]
    public void A_key_is_trimmed_and_otherwise_kept_as_written(IdentifierKind kind)
    {
        Assert.Equal("Member-0042", IdentifierNormalizer.Normalize(kind, " Member-0042\t"));
        Assert.Null(IdentifierNormalizer.Normalize(kind, "   "));
    }

    [Fact]
    public void A_hashed_identifier_rides_matchings_email_attribute_under_a_reserved_domain_per_kind()
    {
        Assert.Equal(AbcSha256 + "@sha256-email.invalid", IdentifierNormalizer.AsMatchingEmail(IdentifierKind.HashedEmail, AbcSha256));
        Assert.Equal(AbcSha256 + "@sha256-phone.invalid", IdentifierNormalizer.AsMatchingEmail(IdentifierKind.HashedPhone, AbcSha256));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdentifierNormalizer.AsMatchingEmail(IdentifierKind.Email, AbcSha256));
    }
}
