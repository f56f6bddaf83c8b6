using ProfileHub.Core.Normalization;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Normalization;

public class DateNormalizerTests
{
    [Theory]
    [InlineData("19900203")]
    [InlineData("1990-02-03")]
    [InlineData("1990/02/03")]
    [InlineData("1990.02.03")]
    [InlineData("1990-2-3")]
    [InlineData("03/02/1990")]
    [InlineData("3/2/1990")]
    [InlineData("03-02-1990")]
    [InlineData("03.02.1990")]
    [InlineData("3 Feb 1990")]
    [InlineData("03-Feb-1990")]
    [InlineData("3 February 1990")]
    [InlineData("Feb 3, 1990")]
    [InlineData("February 3rd, 1990")]
    [InlineData("3rd of February 1990")]
    [InlineData("3 de febrero de 1990")]
    [InlineData("Sat, 3 Feb 1990")]
    [InlineData("Saturday 3rd February 1990")]
    [InlineData("sábado, 3 de febrero de 1990")]
    [InlineData("1990-02-03T10:15:00Z")]
    [InlineData("1990-02-03T23:59:59.999+05:30")]
    [InlineData("19900203T101500Z")]
    [InlineData("1990-02-03 10:15:00")]
    [InlineData("  1990-02-03  ")]
    public void Common_formats_give_the_third_of_february_1990(string raw)
    {
        var date = DateNormalizer.Parse(raw);

        Assert.Equal(new DateOnly(1990, 2, 3), date.Date);
        Assert.Equal(raw, date.Raw);
    }

    [Theory]
    [InlineData("02/03/1990", DateOrder.MonthDayYear)]
    [InlineData("03/02/1990", DateOrder.DayMonthYear)]
    public void Ambiguous_numeric_dates_follow_the_preferred_order(string raw, DateOrder order)
    {
        Assert.Equal(new DateOnly(1990, 2, 3), DateNormalizer.Parse(raw, order).Date);
    }

    [Theory]
    [InlineData("13/02/1990", DateOrder.MonthDayYear)]
    [InlineData("02/13/1990", DateOrder.DayMonthYear)]
    public void A_day_above_twelve_settles_the_order_whatever_is_preferred(string raw, DateOrder order)
    {
        var date = DateNormalizer.Parse(raw, order).Date;

        Assert.Equal(1990, date?.Year);
        Assert.Equal(2, date?.Month);
        Assert.Equal(13, date?.Day);
    }

    [Theory]
    [InlineData("19990231")]
    [InlineData("1999-02-29")]
    [InlineData("1990-13-01")]
    [InlineData("1990-00-10")]
    [InlineData("00000000")]
    [InlineData("0000-00-00")]
    [InlineData("31/04/1990")]
    [InlineData("32/01/1990")]
    [InlineData("13/13/1990")]
    [InlineData("30 Feb 1990")]
    public void Impossible_dates_keep_raw_and_give_no_date(string raw)
    {
        var date = DateNormalizer.Parse(raw);

        Assert.Null(date.Date);
        Assert.Equal(raw, date.Raw);
    }

    [Fact]
    public void Leap_day_of_a_leap_year_is_a_date()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), DateNormalizer.Parse("20000229").Date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("03/02/90")]
    [InlineData("1990")]
    [InlineData("Feb 1990")]
    [InlineData("3 Smarch 1990")]
    [InlineData("1990-02-03-04-05-06-07-08-09")]
    [InlineData("123456789")]
    [InlineData("1990-02-03 ☃")]
    public void Text_that_is_not_a_full_date_gives_no_date(string? raw)
    {
        var date = DateNormalizer.Parse(raw);

        Assert.Null(date.Date);
        Assert.Equal(raw ?? string.Empty, date.Raw);
    }

    [Fact]
    public void Ten_thousand_character_input_gives_no_date_without_blowing_up()
    {
        var raw = new string('1', 10_000);

        Assert.Null(DateNormalizer.Parse(raw).Date);
        Assert.Null(DateNormalizer.Parse(string.Concat(Enumerable.Repeat("1990-02-03 ", 1_000))).Date);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        foreach (var text in RandomText.Strings(3_000))
        {
            Assert.Equal(text, DateNormalizer.Parse(text, DateOrder.MonthDayYear).Raw);
        }
    }
}
