using System.Globalization;
using CsvHelper;

namespace ProfileHub.Bench.Quality;

/// <summary>
/// `score --truth FILE --profiles FILE`: scores a `profilehub resolve` output (record_id,profile_id) against the
/// generated input's person_id column: pairwise precision, recall and F1, profiles mixing people, the largest.
/// </summary>
internal static class ScoreCommand
{
    public static int Run(string[] args)
    {
        var truthPath = QualityRunner.Option(args, "--truth") ?? throw new ArgumentException("--truth FILE is required");
        var profilesPath = QualityRunner.Option(args, "--profiles") ?? throw new ArgumentException("--profiles FILE is required");
        var truth = Read(truthPath, "record_id", "person_id");
        var profiles = Read(profilesPath, "record_id", "profile_id");
        var ids = profiles.Keys.Where(truth.ContainsKey).ToArray();
        var metrics = PairwiseMetrics.Compute([.. ids.Select(id => profiles[id])], [.. ids.Select(id => truth[id])]);
        var people = ids.Select(id => truth[id]).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"records {ids.Length}, people {people}: precision {metrics.Precision:0.0000}, recall {metrics.Recall:0.0000}, F1 {metrics.F1:0.0000}; profiles mixing people {metrics.OverMergedProfiles} ({(double)metrics.OverMergedProfiles / Math.Max(1, people):P2} of the people); largest profile {metrics.LargestProfile}"));
        return 0;
    }

    private static Dictionary<string, string> Read(string path, string keyColumn, string valueColumn)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        var headers = csv.Headers.ToList();
        var key = headers.IndexOf(keyColumn);
        var value = headers.IndexOf(valueColumn);
        if (key < 0 || value < 0)
        {
            throw new InvalidDataException($"{path} has no {keyColumn} or {valueColumn} column");
        }

        while (csv.Read())
        {
            result[csv.GetString(key)] = csv.GetString(value);
        }

        return result;
    }
}
