using System.Globalization;
using ProfileHub.SampleData;

// 1,000 people (with a year of touchpoints each) keep the committed samples near 3.5 MB; `--people 5000` (or more) writes larger sets for benches.
var people = 1000;
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

// The samples tell the year that ends at midnight starting this day. The sample connectors in
// src/ProfileHub.Server/appsettings.json name it as `shiftTimestampsFrom`, and move it to the day the demo is loaded.
var sampleDay = new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero);
var population = Population.Create(people, seed);
var moments = new Stories(new Bogus.Randomizer(seed + 2), sampleDay).Tell(population).Moments;
var written = new ChannelWriters(moments, seed, output).WriteAll();
foreach (var (path, rows) in written)
{
    Console.WriteLine($"{rows,7} rows  {path}");
}

return 0;
