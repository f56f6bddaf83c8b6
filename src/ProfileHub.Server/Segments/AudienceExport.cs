using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Csv;
using ProfileHub.Storage;

namespace ProfileHub.Server.Segments;

public enum ExportFormat
{
    Csv,
    Jsonl,
}

/// <summary>
/// Writes a segment's audience on a channel to a file, streaming the rows of one set-based query over the
/// whole audience in profile id order (<see cref="AudienceQuery.Whole"/>). The rows go to a temporary file in
/// the target's directory that is renamed over the target only when every row is written: an interrupted
/// export (failure, Ctrl+C) deletes the temporary file and leaves the previous export in place.
/// </summary>
internal sealed class AudienceExport(IDbContextFactory<ProfileHubDbContext> contexts, TimeProvider clock, FrequencyCap cap)
{
    public const int DefaultProgressInterval = 10_000;

    /// <summary>How many rows between two progress reports.</summary>
    public int ProgressInterval { get; init; } = DefaultProgressInterval;

    /// <summary>Exports and returns the number of rows written; <paramref name="progress"/> hears the running count every <see cref="ProgressInterval"/> rows and at the end.</summary>
    public async Task<long> RunAsync(string segment, ConsentChannel channel, ExportFormat format, string output, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        int segmentId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            segmentId = await db.Segments.Where(s => s.Name == segment).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new SegmentException(SegmentException.NotFound, $"There is no segment named \"{segment}\".");
        }

        var target = Path.GetFullPath(output);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var now = clock.GetUtcNow();
        long written = 0;
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                using var csv = format == ExportFormat.Csv ? CsvWriter.Create(writer, CsvOutput.Options, leaveOpen: true) : null;
                WriteHeader(csv);

                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                // Settings for one large read hold for a transaction (only where there are any: a SQLite
                // transaction would take the write lock for the whole export).
                var settings = db.Provider.LargeReadSql;
                await using var transaction = settings is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
                if (settings is not null)
                {
                    await db.Database.ExecuteSqlRawAsync(settings, cancellationToken);
                }

                var rows = AudienceQuery.Whole(db, segmentId, channel, cap, now).OrderBy(m => m.ProfileId).AsAsyncEnumerable();
                await foreach (var member in rows.WithCancellation(cancellationToken))
                {
                    if (csv is null)
                    {
                        await writer.WriteLineAsync(Json(member));
                    }
                    else
                    {
                        Write(csv, member);
                    }

                    if (++written % ProgressInterval == 0)
                    {
                        progress?.Report(written);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                if (written % ProgressInterval != 0 || written == 0)
                {
                    progress?.Report(written);
                }
            }

            File.Move(temporary, target, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Written as it is read: `+447700900123`, not `\u002B447700900123`, and names in their own letters. The
    /// default encoder escapes what is unsafe in HTML, which a JSON Lines file is not; quotes, backslashes and
    /// control characters are still escaped, so each line stays valid JSON.
    /// </summary>
    private static readonly JsonSerializerOptions JsonLines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteHeader(CsvWriter? csv)
    {
        foreach (var name in (string[])["profile_id", "email", "phone", "given_name", "family_name", "entered_at"])
        {
            csv?.WriteField(name);
        }

        csv?.EndRecord();
    }

    /// <summary>RFC 4180 by CsvHelper; a text cell a spreadsheet would run as a formula is neutralized first (<see cref="SpreadsheetCell"/>).</summary>
    private static void Write(CsvWriter csv, AudienceMember m)
    {
        csv.WriteField(m.ProfileId.ToString());
        csv.WriteField(SpreadsheetCell.Neutralize(m.Email));
        csv.WriteField(SpreadsheetCell.Neutralize(m.Phone));
        csv.WriteField(SpreadsheetCell.Neutralize(m.GivenName));
        csv.WriteField(SpreadsheetCell.Neutralize(m.FamilyName));
        csv.WriteField(Timestamp(m.EnteredAt));
        csv.EndRecord();
    }

    /// <summary>Both formats' timestamps: ISO 8601 in UTC, to the second (2026-03-01T10:00:00Z).</summary>
    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Json(AudienceMember m) => JsonSerializer.Serialize(new
    {
        profileId = m.ProfileId,
        email = m.Email,
        phone = m.Phone,
        givenName = m.GivenName,
        familyName = m.FamilyName,
        enteredAt = Timestamp(m.EnteredAt),
    }, JsonLines);
}
