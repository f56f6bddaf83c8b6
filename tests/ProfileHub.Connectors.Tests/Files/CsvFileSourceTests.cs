using System.Text;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Files;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Files;

/// <summary>The generic CSV connector's column mapping, quarantine and resume, on each provider.</summary>
public abstract class CsvFileSourceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Columns = """
        {"rec_id":"ExternalId","given_name":"FirstName","surname":"LastName","mail":"Email","mail2":"Email","mobile":"Phone",
         "dob":"BirthDate","suburb":"City","postcode":"PostalCode","country":"Country","visit_id":"EventId","visit_type":"EventType",
         "visited_at":"OccurredAt","spent":"Amount","currency":"Currency"}
        """;

    private const string Header = "rec_id,given_name,surname,mail,mail2,mobile,dob,suburb,postcode,country,visit_id,visit_type,visited_at,spent,currency\n";

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Mapped_columns_become_records_with_normalized_identifiers_and_offline_touchpoints()
    {
        using var files = new TempFiles();
        files.Write("people.csv", Header +
            "r1, Ana ,García,ANA@example.com,ana.g@work.example,07911 123456,03/04/1990,Leeds,LS1 4AP,United Kingdom,v1,Store Purchase,2026-02-01T10:00:00Z,19.90,gbp\n" +
            "\"r2\",\"O'Brien, Jr\",Smith,not-an-email,,,1985-13-45,\"New\nYork\",10001,US,,,,,\n");
        await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));

        var summary = await database.RunAsync("crm", new CsvFileSource());

        Assert.Equal((2, 2, 1, 0), (summary.RowsRead, summary.RecordsWritten, summary.TouchpointsInserted, summary.Quarantined));
        await using var db = database.CreateContext();
        var ana = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "r1");
        Assert.Equal(("Ana", "García", new DateOnly(1990, 4, 3), "GB"), (ana.FirstName, ana.LastName, ana.BirthDate, ana.Address.Country));
        Assert.Equal(
            ["Email:ana.g@work.example", "Email:ana@example.com", "ExternalId:r1", "Phone:+447911123456"],
            ana.Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}").Order());
        var second = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "r2");
        Assert.Equal(("O'Brien, Jr", "New\nYork", null, "1985-13-45"), (second.FirstName, second.Address.City, second.BirthDate, second.BirthDateRaw));
        Assert.Equal(["ExternalId:r2"], second.Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}"));
        var visit = await db.Touchpoints.SingleAsync();
        Assert.Equal(("store_purchase", TouchpointChannel.Offline, 19.90m, "GBP", ana.Id), (visit.Type, visit.Channel, visit.Amount, visit.Currency, visit.SourceRecordId));
        Assert.False(visit.Online);
    }

    [Fact]
    public async Task Rows_with_missing_keys_wrong_field_counts_or_bad_values_are_quarantined_with_their_line()
    {
        using var files = new TempFiles();
        files.Write("people.csv", Header +
            ",Ann,Lee,ann@example.com,,,,,,,,,,,\n" +
            "r3,Bo,Li\n" +
            "r4,Cy,Ng,cy@example.com,,,,,,,v4,Store Visit,yesterday,,\n" +
            "r5,Di,Ma,di@example.com,,,,,,,v5,Store Purchase,2026-02-01T10:00:00Z,12 euros,EUR\n" +
            "r6,Ed,Oz,ed@example.com,,,,,,,,,,,\n");
        await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));

        var summary = await database.RunAsync("crm", new CsvFileSource());

        Assert.Equal((5, 1, 4), (summary.RowsRead, summary.RecordsWritten, summary.Quarantined));
        await using var db = database.CreateContext();
        var rows = await db.QuarantinedRows.OrderBy(q => q.Position).ToListAsync();
        Assert.Equal(["people.csv:2", "people.csv:3", "people.csv:4", "people.csv:5"], rows.Select(r => r.Position));
        Assert.Equal("missing key column 'rec_id'", rows[0].Reason);
        Assert.Equal("expected 15 fields, found 3", rows[1].Reason);
        Assert.Equal("r3,Bo,Li", rows[1].RawPayload);
        Assert.Contains("OccurredAt", rows[2].Reason, StringComparison.Ordinal);
        Assert.Equal("Amount '12 euros' is not a number", rows[3].Reason);
    }

    [Fact]
    public async Task A_second_run_reads_only_rows_appended_after_the_stored_offset()
    {
        using var files = new TempFiles();
        var path = files.Write("people.csv", Header + "r1,Ana,García,ana@example.com,,,,,,,,,,,\n");
        await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));
        await database.RunAsync("crm", new CsvFileSource());
        files.Append("people.csv", "r2,Bo,Li,bo@example.com,,,,,,,,,,,\n");

        var second = await database.RunAsync("crm", new CsvFileSource());

        Assert.Equal((1, 1), (second.RowsRead, second.RecordsWritten));
        Assert.Equal(new FilePosition("people.csv", new FileInfo(path).Length, 3), FilePosition.Parse(second.Watermark));
    }

    [Fact]
    public async Task A_watermark_from_before_byte_offsets_resumes_after_the_rows_it_counted()
    {
        using var files = new TempFiles();
        files.Write("people.csv", Header + "r1,Ana,García,ana@example.com,,,,,,,,,,,\n" + "r2,Bo,Li,bo@example.com,,,,,,,,,,,\n");
        var id = await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));
        await using (var db = database.CreateContext())
        {
            var legacy = new FilePosition("people.csv", 0, 1).ToJson();
            await db.Connectors.Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.State, legacy));
        }

        var run = await database.RunAsync("crm", new CsvFileSource());

        Assert.Equal((1, 1), (run.RowsRead, run.RecordsWritten));
        await using var check = database.CreateContext();
        Assert.Equal("r2", (await check.SourceRecords.SingleAsync()).SourceKey);
    }

    [Fact]
    public async Task An_unterminated_quote_is_quarantined_alone_and_the_six_rows_after_it_load()
    {
        using var files = new TempFiles();
        var rows = string.Concat(Enumerable.Range(3, 6).Select(i => $"r{i},P{i},Q{i},p{i}@example.com,,,,,,,,,,,\n"));
        files.Write("people.csv", Header + "r1,Ana,García,ana@example.com,,,,,,,,,,,\n" + "r2,\"Bo,Li,bo@example.com,,,,,,,,,,,\n" + rows);
        await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));

        var summary = await database.RunAsync("crm", new CsvFileSource());

        Assert.Equal((8, 7, 1), (summary.RowsRead, summary.RecordsWritten, summary.Quarantined));
        var broken = Assert.Single(await database.QuarantineAsync());
        Assert.Equal(("people.csv:3", "r2,\"Bo,Li,bo@example.com,,,,,,,,,,,"), (broken.Position, broken.RawPayload));
        Assert.Contains("unterminated quote", broken.Reason, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(["r1", "r3", "r4", "r5", "r6", "r7", "r8"], (await db.SourceRecords.Select(r => r.SourceKey).ToListAsync()).Order());
    }

    [Fact]
    public async Task A_row_that_is_not_UTF8_is_quarantined_once_instead_of_loaded_with_replacement_characters()
    {
        using var files = new TempFiles();
        files.Write("people.csv", [.. Encoding.UTF8.GetBytes(Header + "r1,Ana,Lee,ana@example.com,,,,,,,,,,,\n"), .. Encoding.Latin1.GetBytes("r2,René,Roy,rene@example.com,,,,,,,,,,,\n")]);
        await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));

        var first = await database.RunAsync("crm", new CsvFileSource());
        var fromStart = await database.Pipeline(new CsvFileSource()).ExecuteAsync("crm", null, CancellationToken.None, fromStart: true);

        Assert.Equal((2, 1, 1), (first.RowsRead, first.RecordsWritten, first.Quarantined));
        Assert.Equal((2, 0, 2), (fromStart.RowsRead, fromStart.Quarantined, fromStart.Duplicates));
        var row = Assert.Single(await database.QuarantineAsync());
        Assert.Equal(("people.csv:3", "r2,Ren\\xE9,Roy,rene@example.com,,,,,,,,,,,"), (row.Position, row.RawPayload));
        Assert.StartsWith("invalid UTF-8", row.Reason, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.DoesNotContain(await db.SourceRecords.Select(r => r.FirstName).ToListAsync(), n => n!.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_last_row_still_being_written_is_read_whole_once_finished()
    {
        using var files = new TempFiles();
        files.WriteUnfinished("people.csv", Encoding.UTF8.GetBytes(Header + "r1,Ana,Lee,ana@example.com,,,,,,,,,,,\n" + "r2,Bo,Li,bo@exa"));
        await database.AddConnectorAsync("crm", ConnectorKind.File, "csv", Settings(files, "people.csv"));

        var first = await database.RunAsync("crm", new CsvFileSource());
        files.Append("people.csv", "mple.com,,,,,,,,,,,\n");
        var second = await database.RunAsync("crm", new CsvFileSource());

        Assert.Equal((1, 0), (first.RowsRead, first.Quarantined));
        Assert.Equal((1, 1, 0), (second.RowsRead, second.RecordsWritten, second.Quarantined));
        await using var db = database.CreateContext();
        var bo = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "r2");
        Assert.Contains(bo.Identifiers, i => i.NormalizedValue == "bo@example.com");
    }

    private static string Settings(TempFiles files, string file) =>
        $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(Path.Combine(files.Directory, file))}},"delimiter":",","dateOrder":"DMY","columns":{{Columns}}}""";
}

public sealed class SqliteCsvFileSourceTests(SqliteTestDatabase database) : CsvFileSourceTests<SqliteTestDatabase>(database);

public sealed class PostgresCsvFileSourceTests(PostgresTestDatabase database) : CsvFileSourceTests<PostgresTestDatabase>(database);
