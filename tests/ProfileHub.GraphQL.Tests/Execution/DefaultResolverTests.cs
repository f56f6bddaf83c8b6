using ProfileHub.GraphQL.Execution;

namespace ProfileHub.GraphQL.Tests.Execution;

public class DefaultResolverTests
{
    private sealed record Row(int Number, bool Flag, long Big);

    [Theory]
    [InlineData(0)]
    [InlineData(-128)]
    [InlineData(1023)]
    [InlineData(-129)]
    [InlineData(1024)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Int_properties_read_the_same_inside_and_outside_the_shared_boxes(int number)
    {
        var read = DefaultResolver.AccessorFor(typeof(Row), "number");

        Assert.Equal(number, read(new Row(number, false, 0)));
    }

    [Fact]
    public void Boolean_and_other_value_properties_read_their_values()
    {
        var flag = DefaultResolver.AccessorFor(typeof(Row), "flag");
        var big = DefaultResolver.AccessorFor(typeof(Row), "BIG");

        Assert.Equal(true, flag(new Row(0, true, 0)));
        Assert.Equal(false, flag(new Row(0, false, 0)));
        Assert.Equal(5_000_000_000L, big(new Row(0, false, 5_000_000_000L)));
    }
}
