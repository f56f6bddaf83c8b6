using System.Diagnostics;
using System.Globalization;
using ProfileHub.Bench.Synthetic;
using ProfileHub.Core.Matching;
using ProfileHub.Server.Resolve;

namespace ProfileHub.Bench.Quality;

/// <summary>
/// `train-default-model [--people N] [--seed S] [--output FILE]`: trains the model ProfileHub ships for inputs too
/// small to train on (DefaultMatchModel) without labels, exactly as a batch resolve trains, on one customer base
/// of each kind put together, and writes it to src/ProfileHub.Core/Matching/default-match-model.json. Rerun it
/// whenever a comparison's levels change (the engine refuses a model written for other comparisons).
/// </summary>
internal static class TrainDefaultModelCommand
{
    public static int Run(string[] args)
    {
        var people = int.Parse(QualityRunner.Option(args, "--people") ?? "10000", CultureInfo.InvariantCulture);
        var seed = int.Parse(QualityRunner.Option(args, "--seed") ?? "7", CultureInfo.InvariantCulture);
        var output = QualityRunner.Option(args, "--output")
            ?? Path.Combine(RepositoryPaths.Root(), "src", "ProfileHub.Core", "Matching", "default-match-model.json");
        var mapping = ColumnMapping.Parse(CustomerBase.ResolveMap, out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        var records = new List<MatchInput>();
        foreach (var kind in Enum.GetValues<CustomerBaseKind>())
        {
            var bytes = CustomerBase.ToCsv(CustomerBase.Generate(kind, people, seed));
            var input = ResolveInput.Read(InputDecoder.ToUtf8(bytes, out _), "record_id", mapping);
            records.AddRange(input.Records);
        }

        var settings = MatchSettings.Default;
        var table = new FeatureTable(records.Count);
        foreach (var record in BatchResolver.Normalize(records, settings))
        {
            table.Add(record);
        }

        var model = BatchResolver.Train(table, settings, out var candidates, out _, out _, [], Stopwatch.StartNew());
        File.WriteAllText(output, MatchModelDocument.From(model, settings).ToJson() + "\n");
        Console.WriteLine($"trained on {records.Count} records ({candidates.Length} candidate pairs); wrote {output}");
        return 0;
    }
}
