using System.Globalization;
using ProfileHub.SampleData;

// 3,500 people keep the committed samples near 1.5 MB; `--people 5000` (or more) writes larger sets for benches.
var people = 5000;
var seed = 20260314;
var output = Path.Combine("connectors", "samples");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--people":
            people = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--out":
            output = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]} (--people N, --seed S, --out DIR)");
            return 2;
    }
}

var population = Population.Create(people, seed);
var written = new ChannelWriters(population, seed, output).WriteAll();
foreach (var (path, rows) in written)
{
    Console.WriteLine($"{rows,7} rows  {path}");
}

return 0;
