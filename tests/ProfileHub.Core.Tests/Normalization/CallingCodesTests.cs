using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Tests.Normalization;

public class CallingCodesTests
{
    [Fact]
    public void Every_calling_code_region_is_a_known_country()
    {
        Assert.All(CallingCodes.All, country => Assert.Equal(country.Region, AddressNormalizer.NormalizeCountry(country.Region)));
    }

    [Fact]
    public void Calling_codes_are_prefix_free()
    {
        var codes = CallingCodes.All.Select(c => c.Code).ToList();

        Assert.All(codes, code => Assert.DoesNotContain(codes, other => other != code && other.StartsWith(code, StringComparison.Ordinal)));
    }

    [Fact]
    public void Fixed_lengths_fit_inside_the_e164_maximum()
    {
        Assert.All(CallingCodes.All.Where(c => c.MaxLength > 0), c =>
        {
            Assert.InRange(c.MinLength, 4, c.MaxLength);
            Assert.InRange(c.Code.Length + c.MaxLength, 7, 15);
        });
    }

    [Theory]
    [InlineData("447911123456", "44")]
    [InlineData("3531234567", "353")]
    [InlineData("16505551212", "1")]
    [InlineData("999123", null)]
    public void Match_finds_the_code_a_number_starts_with(string digits, string? code)
    {
        Assert.Equal(code, CallingCodes.Match(digits)?.Code);
    }
}
