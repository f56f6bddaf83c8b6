namespace ProfileHub.Core.Tests.Support;

/// <summary>
/// Seeded random strings built from the characters that break text code: ASCII letters, digits and
/// punctuation, accented and combining letters, Unicode spaces, zero-width characters, surrogate pairs
/// and lone surrogates, fullwidth forms. The same seed gives the same strings on every run.
/// </summary>
internal static class RandomText
{
    private const string Alphabet =
        "abcXYZ019 +-.,'/()#@_<>:;\"" +
        "éÉüßøİıÆœñçŁ\u0301\u0308\u00A0\u2009\u3000\u200B\u200D\uFEFF\u00ADＡ１＋＠" +
        "дЖαΩ정中\u0663\u2013\u2019";

    public static IEnumerable<string> Strings(int count, int seed = 20261122, int maxLength = 40)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(0, maxLength + 1);
            var chars = new char[length];
            for (var k = 0; k < length; k++)
            {
                chars[k] = random.Next(20) switch
                {
                    0 => (char)random.Next(0xD800, 0xE000), // lone surrogate half
                    1 => (char)random.Next(0, 0x3000), // anything in the lower planes' first blocks
                    _ => Alphabet[random.Next(Alphabet.Length)],
                };
            }

            yield return new string(chars);
        }

        // A well-formed pair, an emoji, and each surrogate half alone at the end of a string.
        yield return "Jo\uD83D\uDE00hn@example.com";
        yield return "+44 7911\uD83D\uDE00 123456";
        yield return "name\uD800";
        yield return "\uDC00name";
    }
}
