using System.Globalization;
using ProfileHub.Bench.Quality;

namespace ProfileHub.Bench.Synthetic;

/// <summary>`generate --people N --output FILE [--seed S]`: writes a synthetic CSV (about 2.2 records per person).</summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var people = int.Parse(QualityRunner.Option(args, "--people") ?? "450000", CultureInfo.InvariantCulture);
        var seed = int.Parse(QualityRunner.Option(args, "--seed") ?? "7", CultureInfo.InvariantCulture);
        var output = QualityRunner.Option(args, "--output") ?? "synthetic.csv";
        var records = SyntheticPeople.Generate(people, seed);
        using (var stream = File.Create(output))
        {
            SyntheticPeople.Write(stream, records);
        }

        Console.WriteLine($"wrote {records.Count} records of {people} people to {output}");
        return 0;
    }
}
