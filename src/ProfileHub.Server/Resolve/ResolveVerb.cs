using System.CommandLine;
using System.Globalization;
using CsvHelper;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;

using ProfileHub.Server.Csv;

namespace ProfileHub.Server.Resolve;

/// <summary>
/// `profilehub resolve`: stateless batch entity resolution of a CSV file (contract in docs/domain.md,
/// "profilehub resolve").
/// </summary>
internal static class ResolveVerb
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV file of source records (UTF-8; non-UTF-8 input is decoded as Latin-1 with a warning)", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "column holding each record's unique id", Required = true };
        var map = new Option<string[]>("--map") { Description = "column=Attribute, repeatable; attributes: " + string.Join(' ', AttributeNames.All), AllowMultipleArgumentsPerToken = false };
        var output = new Option<FileInfo>("--output") { Description = "where to write record_id,profile_id", Required = true };
        var explain = new Option<FileInfo?>("--explain") { Description = "also write one row per scored pair with each attribute's contribution" };
        var mustLink = new Option<FileInfo?>("--must-link") { Description = "CSV of record id pairs a steward merged (two columns, header row)" };
        var cannotLink = new Option<FileInfo?>("--cannot-link") { Description = "CSV of record id pairs a steward marked as different people (two columns, header row)" };
        var region = new Option<string?>("--phone-region") { Description = "region (ISO 3166 alpha-2) for phone numbers written without a country code" };
        var command = new Command(
            "resolve",
            "Match the records of a CSV file into profiles. Exit codes: 0 done (malformed rows are reported on stderr and kept as their own profiles), "
            + "1 bad command line, 2 unusable input (missing/empty file, missing id column, unknown column, duplicate ids), 3 output not writable.")
        {
            input, idColumn, map, output, explain, mustLink, cannotLink, region,
        };
        command.SetAction(parseResult => Run(
            new ResolveOptions(
                parseResult.GetValue(input)!,
                parseResult.GetValue(idColumn)!,
                parseResult.GetValue(map) ?? [],
                parseResult.GetValue(output)!,
                parseResult.GetValue(explain),
                parseResult.GetValue(mustLink),
                parseResult.GetValue(cannotLink),
                parseResult.GetValue(region)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(ResolveOptions options, TextWriter stdout, TextWriter stderr)
    {
        var mapping = ColumnMapping.Parse(options.Map, out var mapErrors);
        if (mapErrors.Count > 0)
        {
            mapErrors.ForEach(e => stderr.WriteLine($"error: {e}"));
            return ResolveExitCode.Usage;
        }

        if (!options.Input.Exists)
        {
            stderr.WriteLine($"error: input file '{options.Input.FullName}' not found");
            return ResolveExitCode.InputError;
        }

        var bytes = InputDecoder.ToUtf8(File.ReadAllBytes(options.Input.FullName), out var encodingWarning);
        if (encodingWarning is not null)
        {
            stderr.WriteLine($"warning: {encodingWarning}");
        }

        var data = ResolveInput.Read(bytes, options.IdColumn, mapping);
        bytes = null;
        if (data.FatalError is not null)
        {
            stderr.WriteLine($"error: {data.FatalError}");
            return ResolveExitCode.InputError;
        }

        Report(stderr, "warning", data.Warnings);
        Report(stderr, "malformed", data.Problems);
        var constraints = new StewardConstraints();
        if (!ReadPairs(options.MustLink, constraints.MustLink, stderr) || !ReadPairs(options.CannotLink, constraints.CannotLink, stderr))
        {
            return ResolveExitCode.InputError;
        }

        var settings = MatchSettings.Default with { DefaultPhoneRegion = options.PhoneRegion, KeepApartPairs = options.Explain is not null };
        var run = BatchResolution.Resolve(data.Records, settings, constraints);
        var profileIds = run.ProfileIds();
        try
        {
            WriteProfiles(options.Output, run, profileIds, data.UnmatchedRecordIds);
            if (options.Explain is not null)
            {
                using var stream = File.Create(options.Explain.FullName);
                ExplanationCsv.Write(stream, run.Explanations());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write output: {e.Message}");
            return ResolveExitCode.OutputError;
        }

        var linked = run.PairsDecided(MatchDecision.Linked);
        var review = run.ReviewItems;
        var refused = run.PairsDecided(MatchDecision.Refused);
        var profiles = profileIds.Distinct(StringComparer.Ordinal).Count() + data.UnmatchedRecordIds.Count;
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"resolved {run.RecordCount + data.UnmatchedRecordIds.Count} records into {profiles} profiles: {linked} links, {review} pairs for review (one per pair of profiles), {refused} links refused by guards; {data.MalformedLines.Count} malformed rows{Lines(data.MalformedLines)}, {data.DroppedLines.Count} of them dropped{Lines(data.DroppedLines)}; {run.Blocking.CandidatePairs} candidate pairs (reduction ratio {run.Blocking.ReductionRatio:0.######})"));
        stderr.WriteLine("blocking pairs by pass: " + string.Join(", ", run.Blocking.Passes.Where(p => p.Blocks > 0).Select(Describe)));
        stderr.WriteLine("stage seconds: " + string.Join(", ", run.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value.TotalSeconds:0.0}"))));
        return ResolveExitCode.Success;
    }

    /// <summary>" (lines 3, 9)" for the summary: which rows it speaks of, the first 20 of them.</summary>
    private static string Lines(List<long> lines) => lines.Count == 0 ? string.Empty
        : $" (line{(lines.Count > 1 ? "s" : string.Empty)} {string.Join(", ", lines.Take(20))}{(lines.Count > 20 ? ", ..." : string.Empty)})";

    private static string Describe(BlockingPassStats pass) => pass.OversizedBlocks == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{pass.Pass} {pass.Pairs}")
        : string.Create(CultureInfo.InvariantCulture, $"{pass.Pass} {pass.Pairs} ({pass.OversizedBlocks} oversized blocks skipped)");

    private static void WriteProfiles(FileInfo output, BatchResolution run, string[] profileIds, List<string> unmatched)
    {
        using var stream = File.Create(output.FullName);
        using var csv = CsvWriter.Create(stream, CsvOutput.Options, leaveOpen: false);
        csv.WriteRecord(["record_id", "profile_id"]);
        for (var i = 0; i < run.RecordCount; i++)
        {
            csv.WriteRecord([SpreadsheetCell.Neutralize(run.RecordId(i)), profileIds[i]]);
        }

        foreach (var id in unmatched)
        {
            csv.WriteRecord([SpreadsheetCell.Neutralize(id), ProfileId.For(id)]);
        }
    }

    private static bool ReadPairs(FileInfo? file, List<(string Left, string Right)> pairs, TextWriter stderr)
    {
        if (file is null)
        {
            return true;
        }

        if (!file.Exists)
        {
            stderr.WriteLine($"error: constraint file '{file.FullName}' not found");
            return false;
        }

        using var csv = CsvReader.FromFile(file.FullName, new CsvReaderOptions { Separator = ',', HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true });
        while (csv.Read())
        {
            if (csv.FieldCount < 2)
            {
                stderr.WriteLine($"error: {file.Name} line {csv.LineNumber}: expected two record ids");
                return false;
            }

            pairs.Add((csv.GetString(0), csv.GetString(1)));
        }

        return true;
    }

    private static void Report(TextWriter stderr, string kind, List<string> messages)
    {
        const int Shown = 100;
        foreach (var message in messages.Take(Shown))
        {
            stderr.WriteLine($"{kind}: {message}");
        }

        if (messages.Count > Shown)
        {
            stderr.WriteLine($"{kind}: ... and {messages.Count - Shown} more");
        }
    }
}

internal sealed record ResolveOptions(
    FileInfo Input,
    string IdColumn,
    string[] Map,
    FileInfo Output,
    FileInfo? Explain,
    FileInfo? MustLink = null,
    FileInfo? CannotLink = null,
    string? PhoneRegion = null);
