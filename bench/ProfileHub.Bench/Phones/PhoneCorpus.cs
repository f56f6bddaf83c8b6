using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Bench.Phones;

/// <summary>One phone string as a connector or test hands it to the normalizer, with the default region it gets.</summary>
/// <param name="Source">Where it came from: demo, generated/KIND or tests.</param>
/// <param name="Raw">The string as written.</param>
/// <param name="Region">The default region the normalizer gets with it, or null.</param>
internal sealed record PhoneSample(string Source, string Raw, string? Region);

/// <summary>
/// The phone strings ProfileHub reads, in every format its connectors see: the demo data's files, the matching
/// generator's customer bases and the literals of the test suites.
/// </summary>
internal static partial class PhoneCorpus
{
    /// <summary>
    /// Every value of a CSV column or JSON property whose name mentions "phone" under <paramref name="samplesRoot"/>.
    /// The demo retailer is American, so the region is the one its sample connectors give: US.
    /// </summary>
    public static IEnumerable<PhoneSample> Demo(string samplesRoot)
    {
        foreach (var path in Directory.EnumerateFiles(samplesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var values = Path.GetExtension(path) switch
            {
                ".csv" => CsvColumns(path, name => name.Contains("phone", StringComparison.OrdinalIgnoreCase)),
                ".json" => JsonValues(JsonDocument.Parse(File.ReadAllBytes(path)).RootElement),
                ".jsonl" => File.ReadLines(path).Where(l => l.Length > 0).SelectMany(l => JsonValues(JsonDocument.Parse(l).RootElement)),
                _ => [],
            };
            foreach (var value in values)
            {
                yield return new PhoneSample("demo", value, "US");
            }
        }
    }

    /// <summary>The phone column of a `generate` output, each with its record's country as the default region (as matching reads it).</summary>
    public static IEnumerable<PhoneSample> Generated(string kind, string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        var headers = csv.Headers.ToList();
        var phone = headers.IndexOf("phone");
        var country = headers.IndexOf("country");
        while (csv.Read())
        {
            var raw = csv.GetString(phone);
            if (raw.Length > 0)
            {
                yield return new PhoneSample($"generated/{kind}", raw, AddressNormalizer.NormalizeCountry(csv.GetString(country)));
            }
        }
    }

    /// <summary>
    /// String literals in the test sources that look like phone numbers (seven digits or more, written with the
    /// characters phones are written with), each with the first two-letter region literal on its line, if any.
    /// </summary>
    public static IEnumerable<PhoneSample> TestLiterals(string testsRoot)
    {
        foreach (var path in Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(path))
            {
                var literals = StringLiteral().Matches(line).Select(m => Unescape(m.Groups[1].Value)).ToList();
                var region = literals.FirstOrDefault(l => RegionLiteral().IsMatch(l));
                foreach (var literal in literals.Where(l => PhoneLike().IsMatch(l) && l.Count(char.IsDigit) >= 7))
                {
                    yield return new PhoneSample("tests", literal, region);
                }
            }
        }
    }

    private static string Unescape(string literal)
    {
        try
        {
            return Regex.Unescape(literal);
        }
        catch (ArgumentException)
        {
            return literal;
        }
    }

    private static IEnumerable<string> CsvColumns(string path, Func<string, bool> wanted)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true, MalformedData = CsvMalformedDataHandling.Recover });
        var columns = csv.Headers.Select((name, index) => (name, index)).Where(c => wanted(c.name)).Select(c => c.index).ToList();
        while (csv.Read())
        {
            foreach (var column in columns.Where(c => c < csv.FieldCount))
            {
                var value = csv.GetString(column);
                if (value.Length > 0)
                {
                    yield return value;
                }
            }
        }
    }

    private static IEnumerable<string> JsonValues(JsonElement element, string? name = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var value in JsonValues(property.Value, property.Name))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var value in JsonValues(item, name))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonValueKind.String when name is not null && name.Contains("phone", StringComparison.OrdinalIgnoreCase):
                yield return element.GetString()!;
                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"(?<!\\)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionLiteral();

    // Digits of any script, the separators people write (spaces of every kind, dashes, invisible ones), an extension.
    [GeneratedRegex(@"^(tel:)?[+＋\p{Nd}\s()\-.\/\u2010-\u2014\u200B]{7,40}((x|ext\.?|;ext=|#)\s*\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneLike();
}
