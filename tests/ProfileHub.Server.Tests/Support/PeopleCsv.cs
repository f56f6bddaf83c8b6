using System.Globalization;
using System.Text;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// A generated CRM export for a `File/csv` connector, large enough to exceed any per-statement parameter limit:
/// people 0 to N-1, each with one record per copy letter (source key <c>p{n}-{copy}</c>; the copies of a person
/// share names and email, so matching links them). Three attributes a record (names and email): what a large
/// run costs is mostly rows written, and these tests are about how many records one statement may name, not
/// about wide records. Names are built from syllables so that no name block is large; deterministic.
/// </summary>
internal static class PeopleCsv
{
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "fe", "gu", "ha", "jo", "be", "ci", "pa",
        "re", "so", "tu", "wa", "ye", "zo", "li", "mo", "na", "ri", "se", "ta", "ve", "do", "fi", "go",
    ];

    /// <summary>The connector settings (environment variables) that read <paramref name="directory"/> with this file's columns.</summary>
    public static Dictionary<string, string> Connector(string name, string directory) => new()
    {
        [$"ProfileHub__Connectors__{name}__Kind"] = "File",
        [$"ProfileHub__Connectors__{name}__Format"] = "csv",
        [$"ProfileHub__Connectors__{name}__Trust"] = "50",
        [$"ProfileHub__Connectors__{name}__Settings__path"] = directory,
        [$"ProfileHub__Connectors__{name}__Settings__keyColumn"] = "id",
        [$"ProfileHub__Connectors__{name}__Settings__columns__given"] = "FirstName",
        [$"ProfileHub__Connectors__{name}__Settings__columns__family"] = "LastName",
        [$"ProfileHub__Connectors__{name}__Settings__columns__mail"] = "Email",
    };

    /// <summary>
    /// Writes a record for each of <paramref name="people"/> people and each letter of <paramref name="copies"/>;
    /// a <paramref name="familySuffix"/> changes every family name (new content for records already stored).
    /// </summary>
    public static void Write(string path, int people, string copies, string familySuffix = "")
    {
        var text = new StringBuilder("id,given,family,mail\n");
        for (var person = 0; person < people; person++)
        {
            var n = person.ToString(CultureInfo.InvariantCulture);
            var given = Word(person, 2);
            var family = Word(person / 7, 3);
            foreach (var copy in copies)
            {
                text.Append(CultureInfo.InvariantCulture, $"p{n}-{copy},{given},{family}{familySuffix},{given}.{family}.{n}@example.org\n");
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>A pronounceable word of <paramref name="length"/> syllables, a different one for each value (mod 32^length).</summary>
    private static string Word(int value, int length)
    {
        var word = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            word.Append(Syllables[value % Syllables.Length]);
            value /= Syllables.Length;
        }

        return word.ToString();
    }
}
