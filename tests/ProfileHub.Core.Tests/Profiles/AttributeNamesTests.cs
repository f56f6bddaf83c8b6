using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;

namespace ProfileHub.Core.Tests.Profiles;

public class AttributeNamesTests
{
    [Fact]
    public void The_names_are_the_attribute_enums_in_its_order()
    {
        Assert.Equal(AttributeNames.Count, AttributeNames.All.Count);
        Assert.Equal(AttributeNames.All, Enum.GetValues<AttributeName>().Select(a => a.ToString()));
        Assert.Equal("FirstName", AttributeNames.All[0]);
        Assert.Equal("Source", AttributeNames.All[^1]);
    }

    [Fact]
    public void Only_email_and_phone_hold_several_values()
    {
        Assert.Equal([AttributeName.Email, AttributeName.Phone], Enum.GetValues<AttributeName>().Where(AttributeNames.IsMultiValued));
        Assert.Equal("Email and Phone", AttributeNames.MultiValuedText);
    }

    [Fact]
    public void A_name_is_multi_valued_only_as_written()
    {
        Assert.True(AttributeNames.IsMultiValued("Phone"));
        Assert.False(AttributeNames.IsMultiValued("phone"));
        Assert.False(AttributeNames.IsMultiValued("City"));
        Assert.False(AttributeNames.IsMultiValued("Amount"));
    }

    [Theory]
    [InlineData("email", AttributeName.Email)]
    [InlineData("POSTALCODE", AttributeName.PostalCode)]
    [InlineData("NationalId", AttributeName.NationalId)]
    public void Parsing_ignores_case(string text, AttributeName expected)
    {
        Assert.True(AttributeNames.TryParse(text, out var attribute));
        Assert.Equal(expected, attribute);
    }

    [Fact]
    public void An_unknown_name_does_not_parse()
    {
        Assert.False(AttributeNames.TryParse("Shoe size", out _));
        Assert.False(AttributeNames.TryParse("99", out _));
    }
}
