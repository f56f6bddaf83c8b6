using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class StableHashTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)] // FNV-1a 64's offset basis
    [InlineData("a", 0xaf63dc4c8601ec8cUL)] // the published FNV-1a 64 test vectors
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Ascii_text_hashes_to_the_published_fnv1a_64_values(string text, ulong expected) =>
        Assert.Equal(unchecked((long)expected), StableHash.Of(text));
}
