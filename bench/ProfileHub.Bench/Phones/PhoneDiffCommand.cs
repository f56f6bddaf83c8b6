using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using PhoneNumbers;
using ProfileHub.Bench.Quality;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Bench.Phones;

/// <summary>
/// `phone-diff --old CORE_DLL [--samples DIR] [--tests DIR ...] [--generated KIND=FILE ...] [--runs N] [--examples K]`:
/// runs the phone normalizer of another build of ProfileHub.Core (an older commit: bench/phone-diff.sh builds it)
/// and this build's over the same corpus, and prints where they disagree, grouped by kind, with libphonenumber's
/// own verdict on each side's answer, then the median time of each over the generated corpus.
/// </summary>
internal static class PhoneDiffCommand
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static int Run(string[] args)
    {
        var oldPath = QualityRunner.Option(args, "--old") ?? throw new ArgumentException("--old PATH/ProfileHub.Core.dll is required");
        var runs = int.Parse(QualityRunner.Option(args, "--runs") ?? "7", CultureInfo.InvariantCulture);
        var examples = int.Parse(QualityRunner.Option(args, "--examples") ?? "3", CultureInfo.InvariantCulture);
        var old = new OtherNormalizer(Path.GetFullPath(oldPath));

        var corpus = new List<PhoneSample>();
        if (QualityRunner.Option(args, "--samples") is { } samples)
        {
            corpus.AddRange(PhoneCorpus.Demo(samples));
        }

        var generated = new List<PhoneSample>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--generated" && args[i + 1].Split('=', 2) is [var kind, var file])
            {
                generated.AddRange(PhoneCorpus.Generated(kind, file));
            }
        }

        corpus.AddRange(generated);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--tests")
            {
                corpus.AddRange(PhoneCorpus.TestLiterals(args[i + 1]));
            }
        }

        Console.WriteLine($"corpus: {corpus.Count} phone strings ({string.Join(", ", corpus.GroupBy(s => s.Source).Select(g => $"{g.Key} {g.Count()}"))}), {corpus.Select(s => (s.Raw, s.Region)).Distinct().Count()} distinct with their region");
        var disagreements = new List<(string Kind, PhoneSample Sample, Answer Old, Answer New)>();
        foreach (var sample in corpus)
        {
            var before = old.Normalize(sample.Raw, sample.Region);
            var after = Answer.Of(PhoneNormalizer.Normalize(sample.Raw, sample.Region));
            if (Classify(before, after) is { } kind)
            {
                disagreements.Add((kind, sample, before, after));
            }
        }

        Console.WriteLine($"disagreements: {disagreements.Count} ({(double)disagreements.Count / Math.Max(1, corpus.Count):P2})");
        foreach (var group in disagreements.GroupBy(d => (d.Kind, d.Sample.Source, Verdict: $"old {Verdict(d.Old.E164)}; new {Verdict(d.New.E164)}"))
                     .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {group.Key.Kind} [{group.Key.Source}; {group.Key.Verdict}]: {group.Count()}");
            foreach (var (_, sample, before, after) in group.DistinctBy(d => (d.Sample.Raw, d.Sample.Region)).Take(examples))
            {
                Console.WriteLine($"      \"{sample.Raw}\" ({sample.Region ?? "no region"}): old {before}, new {after}");
            }
        }

        if (generated.Count > 0)
        {
            Console.WriteLine($"speed over the generated corpus ({generated.Count} phones), median of {runs} runs:");
            Time("old", generated, runs, s => old.Invoke(s.Raw, s.Region), () => { });
            Time("new, each string seen for the first time", generated, runs, s => PhoneNormalizer.Normalize(s.Raw, s.Region), PhoneNormalizer.ClearCache);
            Time("new, each string seen before (cached)", generated, runs, s => PhoneNormalizer.Normalize(s.Raw, s.Region), () => { });
        }

        return 0;
    }

    private static string? Classify(Answer before, Answer after) => (before.E164, after.E164) switch
    {
        (null, null) => null,
        (not null, null) => "old reads it, new does not",
        (null, not null) => "new reads it, old does not",
        var (a, b) when a != b => "both read it, different E.164",
        _ => before.Region != after.Region ? "same E.164, different region" : null,
    };

    // libphonenumber's view of an answer: allocated (IsValidNumber) with its type, or only of a possible length.
    private static string Verdict(string? e164)
    {
        if (e164 is null)
        {
            return "none";
        }

        var number = Util.Parse(e164, null);
        return Util.IsValidNumber(number) ? $"allocated {Util.GetNumberType(number)}"
            : Util.IsPossibleNumberWithReason(number) is var reason && reason == PhoneNumberUtil.ValidationResult.IS_POSSIBLE ? "possible, unallocated"
            : reason.ToString();
    }

    private static void Time(string name, List<PhoneSample> samples, int runs, Func<PhoneSample, object> normalize, Action beforeRun)
    {
        foreach (var sample in samples)
        {
            GC.KeepAlive(normalize(sample));
        }

        var times = new List<double>();
        var allocated = 0L;
        for (var run = 0; run < runs; run++)
        {
            beforeRun();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var sample in samples)
            {
                GC.KeepAlive(normalize(sample));
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {median:0.0} ms ({median * 1e6 / samples.Count:0} ns/phone, {allocated / samples.Count} B/phone; runs {string.Join(" ", times.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} ms)"));
    }

    /// <summary>What a normalizer answered, whichever build it came from.</summary>
    private sealed record Answer(string? E164, string? Region)
    {
        public static Answer Of(NormalizedPhone phone) => new(phone.E164, phone.Region);

        public override string ToString() => E164 is null ? "none" : $"{E164} {Region}";
    }

    /// <summary>
    /// PhoneNormalizer.Normalize of another ProfileHub.Core build, loaded beside this one in its own load context
    /// (its dependencies come from this process), and read by reflection.
    /// </summary>
    private sealed class OtherNormalizer
    {
        private readonly Func<string?, string?, object> _normalize;
        private readonly PropertyInfo _e164;
        private readonly PropertyInfo _region;

        public OtherNormalizer(string corePath)
        {
            var context = new CoreContext(corePath);
            var core = context.LoadFromAssemblyPath(corePath);
            var type = core.GetType("ProfileHub.Core.Normalization.PhoneNormalizer", throwOnError: true)!;
            _normalize = type.GetMethod("Normalize", [typeof(string), typeof(string)])!.CreateDelegate<Func<string?, string?, object>>();
            var result = core.GetType("ProfileHub.Core.Normalization.NormalizedPhone", throwOnError: true)!;
            _e164 = result.GetProperty("E164")!;
            _region = result.GetProperty("Region")!;
        }

        public object Invoke(string raw, string? region) => _normalize(raw, region);

        public Answer Normalize(string raw, string? region)
        {
            var phone = _normalize(raw, region);
            return new Answer((string?)_e164.GetValue(phone), (string?)_region.GetValue(phone));
        }

        private sealed class CoreContext(string corePath) : AssemblyLoadContext("phone-diff-old")
        {
            protected override Assembly? Load(AssemblyName assemblyName) =>
                assemblyName.Name == "ProfileHub.Core" ? LoadFromAssemblyPath(corePath) : null;
        }
    }
}
