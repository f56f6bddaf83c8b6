using ProfileHub.GraphQL.Relay;
using ProfileHub.Server.Api.Querying;

namespace ProfileHub.Server.Tests.Api.Querying;

public sealed class KeysetTests
{
    [Fact]
    public void ValuesOf_reads_each_key_of_a_row_in_order()
    {
        var keyset = new Keyset<Row>([KeysetKey<Row>.Of(r => r.Name, SortDirection.Ascending), KeysetKey<Row>.Of(r => r.Id, SortDirection.Ascending)]);

        Assert.Equal(["b", 7L], keyset.ValuesOf(new Row(7, "b")));
    }

    [Fact]
    public void Keysets_built_again_over_the_same_columns_read_the_same_values()
    {
        var first = new Keyset<Row>([KeysetKey<Row>.Of(r => r.Id, SortDirection.Descending)]);
        var second = new Keyset<Row>([KeysetKey<Row>.Of(r => r.Id, SortDirection.Ascending)]);

        Assert.Equal([3L], first.ValuesOf(new Row(3, "x")));
        Assert.Equal([4L], second.ValuesOf(new Row(4, "y")));
    }

    [Fact]
    public void Columns_that_capture_a_value_each_read_their_own_value()
    {
        // Both columns print as "r => (value(...).offset + r.Id)": sharing a getter by that text would read 10 twice.
        long[] offsets = [10, 20];
        var keysets = offsets.Select(offset => new Keyset<Row>([KeysetKey<Row>.Of(r => offset + r.Id, SortDirection.Ascending)])).ToList();

        Assert.Equal([[11L], [21L]], keysets.Select(k => k.ValuesOf(new Row(1, "z"))));
    }

    private sealed record Row(long Id, string Name);
}
