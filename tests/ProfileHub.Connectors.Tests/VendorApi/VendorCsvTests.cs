using System.Text;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;

namespace ProfileHub.Connectors.Tests.VendorApi;

public sealed class VendorCsvTests
{
    [Fact]
    public void Quoted_fields_with_commas_escaped_quotes_and_line_breaks_read_as_one_row_each()
    {
        var rejected = new List<RejectedRow>();

        var rows = VendorCsv.Read(Encoding.UTF8.GetBytes("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n"), "f.csv", InputEnd.Final, rejected).ToList();

        Assert.Empty(rejected);
        Assert.Equal([("x, y", "say \"hi\""), ("two\nlines", "z")], rows.Select(r => (r["a"]!, r["b"]!)));
        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
    }

    [Fact]
    public void Stray_quotes_wrong_field_counts_and_a_truncated_last_row_are_rejected_with_their_line()
    {
        var rejected = new List<RejectedRow>();

        var rows = VendorCsv.Read(Encoding.UTF8.GetBytes("a,b\nok,1\nba\"d,2\n\"x\"y,3\nonly-one\nfine,4\n\"cut off,"), "f.csv", InputEnd.Final, rejected).ToList();

        Assert.Equal(["ok", "fine"], rows.Select(r => r["a"]));
        Assert.Equal(
            ["f.csv:3 malformed CSV: stray quote", "f.csv:4 malformed CSV: text after closing quote", "f.csv:5 expected 2 fields, found 1", "f.csv:7 malformed CSV: unterminated quote"],
            rejected.Select(r => $"{r.Position} {r.Reason}"));
    }

    [Fact]
    public void An_unterminated_quote_ends_at_the_next_complete_row_and_a_real_multi_line_field_is_kept()
    {
        var rejected = new List<RejectedRow>();

        var rows = VendorCsv.Read(Encoding.UTF8.GetBytes("a,b\nok,1\n\"broken,2\nmore text\nx,3\n\"two\nlines\",4\ny,5\n"), "f.csv", InputEnd.Final, rejected).ToList();

        Assert.Equal([("ok", "1"), ("x", "3"), ("two\nlines", "4"), ("y", "5")], rows.Select(r => (r["a"]!, r["b"]!)));
        var broken = Assert.Single(rejected);
        Assert.Equal(("f.csv:3", "\"broken,2\nmore text"), (broken.Position, broken.RawPayload));
        Assert.Contains("unterminated quote", broken.Reason, StringComparison.Ordinal);
    }
}
