using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Types;

public class ScalarsTests
{
    [Theory]
    [InlineData(2147483647L, 2147483647)]
    [InlineData(-2147483648L, -2147483648)]
    [InlineData(3.0, 3)]
    public void Int_accepts_whole_numbers_in_32_bit_range(object input, int expected) =>
        Assert.Equal(expected, Scalars.Int.ParseValue(input));

    [Theory]
    [InlineData(2147483648L)]
    [InlineData(1.5)]
    [InlineData("1")]
    [InlineData(true)]
    public void Int_rejects_out_of_range_fractional_and_non_numeric_inputs(object input) =>
        Assert.Throws<CoercionException>(() => Scalars.Int.ParseValue(input));

    [Fact]
    public void Int_results_may_come_from_booleans_and_numeric_strings() =>
        Assert.Equal([1, 42], new[] { Scalars.Int.Serialize(true), Scalars.Int.Serialize("42") });

    [Fact]
    public void Float_must_be_finite() =>
        Assert.Throws<CoercionException>(() => Scalars.Float.Serialize(double.PositiveInfinity));

    [Fact]
    public void Id_accepts_integer_and_string_input_and_returns_a_string()
    {
        Assert.Equal("4", Scalars.ID.ParseValue(4L));
        Assert.Equal("abc", Scalars.ID.ParseValue("abc"));
        Assert.Throws<CoercionException>(() => Scalars.ID.ParseValue(1.5));
    }

    [Fact]
    public void String_and_Boolean_inputs_are_strict()
    {
        Assert.Throws<CoercionException>(() => Scalars.String.ParseValue(1L));
        Assert.Throws<CoercionException>(() => Scalars.Boolean.ParseValue("true"));
        Assert.Equal("true", Scalars.String.Serialize(true));
    }

    [Fact]
    public void DateTime_reads_and_writes_rfc_3339_with_an_offset()
    {
        var parsed = (DateTimeOffset)Scalars.DateTime.ParseValue("2024-02-29T10:15:30.5+02:00");
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 10, 15, 30, 500, TimeSpan.FromHours(2)), parsed);
        Assert.Equal("2024-02-29T08:15:30.5Z", Scalars.DateTime.Serialize(parsed.ToUniversalTime()));
        Assert.Throws<CoercionException>(() => Scalars.DateTime.ParseValue("2024-02-29 10:15:30"));
        Assert.Throws<CoercionException>(() => Scalars.DateTime.ParseValue("2024-02-29T10:15:30"));
    }

    [Fact]
    public void Long_holds_64_bit_integers()
    {
        Assert.Equal(long.MaxValue, Scalars.Long.ParseValue(long.MaxValue));
        Assert.Equal(3_000_000_000L, Scalars.Long.Serialize(3_000_000_000L));
        Assert.Throws<CoercionException>(() => Scalars.Long.ParseValue("12"));
    }

    [Fact]
    public void Date_reads_and_writes_rfc_3339_full_dates_only()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Scalars.Date.ParseValue("2024-02-29"));
        Assert.Equal("2024-02-29", Scalars.Date.Serialize(new DateOnly(2024, 2, 29)));
        Assert.Throws<CoercionException>(() => Scalars.Date.ParseValue("2023-02-29"));
        Assert.Throws<CoercionException>(() => Scalars.Date.ParseValue("2024-02-29T00:00:00Z"));
        Assert.Throws<CoercionException>(() => Scalars.Date.ParseValue(20240229));
    }
}
