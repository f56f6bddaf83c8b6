using System.Diagnostics;
using System.Globalization;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Bench.Speed;

/// <summary>
/// Throughput and allocation of each normalizer over a fixed mix of realistic and trap inputs:
/// <c>normalize [--iterations N]</c>. Each input list is cycled N times after a warm-up pass.
/// </summary>
internal static class NormalizerThroughput
{
    private static readonly string[] Emails =
    [
        "JOHN.SMITH+news@GMail.com", "Test@Test.com", " maria.garcia@example.es ", "zoë@exemple.fr",
        "not an email", "a.b.c@googlemail.com", "İSTANBUL@firma.com.tr", "sales@example.co.uk",
    ];

    private static readonly (string Raw, string? Region)[] Phones =
    [
        ("(650) 555-1212", "US"), ("+44 (0)20 7946 0958", null), ("07911 123456", "GB"), ("612 345 678", "ES"),
        ("+52 1 55 1234 5678", null), ("0412 345 678", "AU"), ("650-555-1212 ext. 12", "US"), ("call me", "US"),
    ];

    private static readonly string[] Names =
    [
        "José María Pérez", "O'Brien", "Jean-Luc Picard", "Müller", "İlkay Gündoğan", "John SMITH", "Bjørn", "Dr. John A. Smith Jr.",
    ];

    private static readonly string[] Streets =
    [
        "123 North Main Street Apt 4B", "4/12 Smith Street", "Flat 3, 12 High St.", "Calle Mayor, nº 5",
        "Hauptstraße 12", "350 Fifth Ave #5", "1600 Pennsylvania Avenue NW", "221B Baker Street",
    ];

    private static readonly string[] Dates =
    [
        "19900203", "1990-02-03", "03/02/1990", "3 Feb 1990", "1990-02-03T10:00:00Z", "19990231", "Feb 3, 1990", "02/13/1990",
    ];

    public static int Run(string[] args)
    {
        var iterations = args.Length >= 2 && args[0] == "--iterations"
            ? int.Parse(args[1], CultureInfo.InvariantCulture)
            : 250_000;

        Console.WriteLine($"{"normalizer",-22} {"calls/s",12} {"ns/call",9} {"B/call",8}");
        Measure("Email", Emails, iterations, e => EmailNormalizer.Normalize(e));
        Measure("Phone", Phones, iterations, p => PhoneNormalizer.Normalize(p.Raw, p.Region));
        Measure("Name.Normalize", Names, iterations, NameNormalizer.Normalize);
        Measure("Name.Parse", Names, iterations, NameNormalizer.Parse);
        Measure("Address.Street", Streets, iterations, s => AddressNormalizer.NormalizeStreet(s));
        Measure("Address.Country", ["United Kingdom", "GB", "us", "España", "MX", "Australia", "U.S.A.", "de"], iterations, AddressNormalizer.NormalizeCountry);
        Measure("Date", Dates, iterations, d => DateNormalizer.Parse(d));
        return 0;
    }

    private static void Measure<TIn, TOut>(string name, TIn[] inputs, int iterations, Func<TIn, TOut> normalize)
    {
        GC.KeepAlive(Pass(inputs, 1, normalize));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(Pass(inputs, iterations, normalize));
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double calls = (long)iterations * inputs.Length;
        Console.WriteLine($"{name,-22} {calls / watch.Elapsed.TotalSeconds,12:N0} {watch.Elapsed.TotalNanoseconds / calls,9:N0} {allocated / calls,8:N0}");
    }

    private static TOut? Pass<TIn, TOut>(TIn[] inputs, int iterations, Func<TIn, TOut> normalize)
    {
        var last = default(TOut);
        for (var i = 0; i < iterations; i++)
        {
            foreach (var input in inputs)
            {
                last = normalize(input);
            }
        }

        return last;
    }
}
