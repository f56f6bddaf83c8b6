using System.Diagnostics;
using System.Globalization;
using ProfileHub.Bench.Quality;

namespace ProfileHub.Bench.Synthetic;

/// <summary>
/// `generate --people N --output FILE [--seed S]`: writes a synthetic CSV (about 2.2 records per person).
/// With `--kind concentrated|diverse|spanish` it writes a <see cref="CustomerBase"/> instead, and `--stats`
/// prints what that base looks like to a matcher.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var people = int.Parse(QualityRunner.Option(args, "--people") ?? "450000", CultureInfo.InvariantCulture);
        var seed = int.Parse(QualityRunner.Option(args, "--seed") ?? "7", CultureInfo.InvariantCulture);
        var output = QualityRunner.Option(args, "--output") ?? "synthetic.csv";
        var kind = QualityRunner.Option(args, "--kind");
        if (kind is not null)
        {
            return RunCustomerBase(kind, people, seed, output, stats: args.Contains("--stats"));
        }

        var records = SyntheticPeople.Generate(people, seed);
        using (var stream = File.Create(output))
        {
            SyntheticPeople.Write(stream, records);
        }

        Console.WriteLine($"wrote {records.Count} records of {people} people to {output}");
        return 0;
    }

    private static int RunCustomerBase(string kindName, int people, int seed, string output, bool stats)
    {
        if (!Enum.TryParse<CustomerBaseKind>(kindName, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            Console.Error.WriteLine($"unknown --kind {kindName}: use concentrated, diverse or spanish");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var records = CustomerBase.Generate(kind, people, seed);
        var generated = clock.Elapsed;
        using (var stream = File.Create(output))
        {
            CustomerBase.Write(stream, records);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {records.Count} records of {people} people ({kind}, seed {seed}) to {output}: generated in {generated.TotalSeconds:0.0} s, written in {(clock.Elapsed - generated).TotalSeconds:0.0} s"));
        if (stats)
        {
            CustomerBaseStats.Print(records, Console.Out);
        }

        return 0;
    }
}
