using System.Text;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Connectors.Web;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Web;

/// <summary>Segment Spec messages from JSON-lines files, through the real pipeline on each provider.</summary>
public abstract class SegmentComFileSourceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Identify = """{"type":"identify","messageId":"m-1","userId":"u-1","anonymousId":"a-1","timestamp":"2026-03-01T10:00:00Z","traits":{"email":" Ana.Garcia@Example.COM ","firstName":"Ana","lastName":"García","phone":"612 345 678","birthday":"1990-02-28","address":{"street":"Calle Mayor 12","city":"Madrid","postalCode":"28013","country":"ES"}}}""";
    private const string Page = """{"type":"page","messageId":"m-2","anonymousId":"a-1","timestamp":"2026-03-01T09:59:00Z","name":"Home","properties":{"url":"https://shop.example/","path":"/"}}""";
    private const string Viewed = """{"type":"track","messageId":"m-3","userId":"u-1","event":"Product Viewed","timestamp":"2026-03-01T10:01:00Z","properties":{"product_id":"p-9","price":19.99}}""";
    private const string Order = """{"type":"track","messageId":"m-4","userId":"u-1","event":"Order Completed","timestamp":"2026-03-01T10:05:00.123+01:00","properties":{"order_id":"o-1","revenue":"42.50","currency":"eur"}}""";
    private const string Alias = """{"type":"alias","messageId":"m-5","previousId":"a-1","userId":"u-1","timestamp":"2026-03-01T10:00:30Z"}""";

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Identify_track_page_and_alias_become_records_and_classified_touchpoints()
    {
        using var files = new TempFiles();
        files.Write("events.jsonl", string.Join('\n', Identify, Page, Viewed, Order, Alias) + "\n");
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", Settings(files, "events.jsonl"));

        var summary = await database.RunAsync("segment", Source());

        Assert.Equal((5, 2, 3, 0), (summary.RowsRead, summary.RecordsWritten, summary.TouchpointsInserted, summary.Quarantined));
        await using var db = database.CreateContext();
        var user = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "u-1");
        Assert.Equal(("Ana", "García", new DateOnly(1990, 2, 28)), (user.FirstName, user.LastName, user.BirthDate));
        Assert.Equal(("Calle Mayor 12", "Madrid", "28013", "ES"), (user.Address.Street, user.Address.City, user.Address.PostalCode, user.Address.Country));
        Assert.Equal(
            ["AnonymousId:a-1", "Email:ana.garcia@example.com", "ExternalId:u-1", "Phone:+34612345678"],
            user.Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}").Order());
        var alias = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "a-1");
        Assert.Equal(["AnonymousId:a-1", "ExternalId:u-1"], alias.Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}").Order());

        var touchpoints = await db.Touchpoints.OrderBy(t => t.SourceEventId).ToListAsync();
        Assert.Equal(["page_view", "product_viewed", "order_completed"], touchpoints.Select(t => t.Type));
        var order = touchpoints[2];
        Assert.Equal((42.50m, "EUR", user.Id), (order.Amount, order.Currency, order.SourceRecordId));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 5, 0, 123, TimeSpan.Zero), order.OccurredAt);
        Assert.Equal((JourneyStage.DuringPurchase, true, true, Initiative.Reactive), (order.Stage, order.Online, order.Controllable, order.Initiative));
        Assert.Equal(alias.Id, touchpoints[0].SourceRecordId);
        Assert.Contains("shop.example", touchpoints[0].Properties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_incomplete_wrongly_typed_and_truncated_lines_are_quarantined_with_their_line_numbers()
    {
        using var files = new TempFiles();
        files.Write("events.jsonl", string.Join('\n',
            Viewed,
            """{"type":"track","messageId":"m-6","userId":"u-1","event":"Cart Viewed",""",
            """{"type":"track","userId":"u-1","event":"Cart Viewed","timestamp":"2026-03-01T10:01:00Z"}""",
            """{"type":"track","messageId":"m-7","userId":42,"event":"Cart Viewed","timestamp":"2026-03-01T10:01:00Z"}""",
            """{"type":"group","messageId":"m-8","userId":"u-1","groupId":"g","timestamp":"2026-03-01T10:01:00Z"}""",
            """{"type":"track","messageId":"m-9","event":"Cart Viewed","timestamp":"2026-03-01T10:01:00Z"}""",
            "",
            Order,
            """{"type":"track","messageId":"m-10","userId":"u-1","eve"""));
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", Settings(files, "events.jsonl"));

        var summary = await database.RunAsync("segment", Source());

        Assert.Equal((8, 2, 6), (summary.RowsRead, summary.TouchpointsInserted, summary.Quarantined));
        await using var db = database.CreateContext();
        var rows = (await db.QuarantinedRows.ToListAsync()).OrderBy(q => int.Parse(q.Position.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["events.jsonl:2", "events.jsonl:3", "events.jsonl:4", "events.jsonl:5", "events.jsonl:6", "events.jsonl:9"], rows.Select(r => r.Position));
        Assert.StartsWith("malformed message", rows[0].Reason, StringComparison.Ordinal);
        Assert.Equal("missing field 'messageId'", rows[1].Reason);
        Assert.Contains("userId", rows[2].Reason, StringComparison.Ordinal);
        Assert.Contains("'group' is not loaded", rows[3].Reason, StringComparison.Ordinal);
        Assert.Equal("needs 'userId' or 'anonymousId'", rows[4].Reason);
        Assert.StartsWith("truncated", rows[5].Reason, StringComparison.Ordinal);
        Assert.Contains("m-10", rows[5].RawPayload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_twice_adds_nothing_and_appended_lines_are_read_from_the_stored_offset()
    {
        using var files = new TempFiles();
        files.Write("events.jsonl", Identify + "\n" + Viewed + "\n");
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", Settings(files, "events.jsonl"));
        await database.RunAsync("segment", Source());

        var again = await database.RunAsync("segment", Source());
        files.Append("events.jsonl", Order + "\n" + Viewed.Replace("\"m-3\"", "\"m-3b\"", StringComparison.Ordinal) + "\n");
        var appended = await database.RunAsync("segment", Source());
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE connectors SET state = NULL");
        }

        var reread = await database.RunAsync("segment", Source());

        Assert.Equal(0, again.RowsRead);
        Assert.Equal((2, 2), (appended.RowsRead, appended.TouchpointsInserted));
        Assert.Equal((4, 0, 4), (reread.RowsRead, reread.Accepted, reread.Duplicates));
        Assert.Equal((1, 3, 0), await database.CountRowsAsync());
        Assert.Equal(new FilePosition("events.jsonl", new FileInfo(Path.Combine(files.Directory, "events.jsonl")).Length, 4), FilePosition.Parse(reread.Watermark));
    }

    [Fact]
    public async Task A_directory_is_read_in_file_name_order_and_finished_files_are_not_read_again()
    {
        using var files = new TempFiles();
        files.Write("2026-03-02.jsonl", Order + "\n");
        files.Write("2026-03-01.jsonl", Identify + "\n" + Viewed + "\n");
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(files.Directory)}},"batchSize":1}""");

        var first = await database.RunAsync("segment", Source());
        files.Write("2026-03-03.jsonl", Page + "\n");
        var second = await database.RunAsync("segment", Source());

        Assert.Equal((3, 3), (first.RowsRead, first.Batches));
        Assert.Equal(("2026-03-02.jsonl", 1L), (FilePosition.Parse(first.Watermark)!.File, FilePosition.Parse(first.Watermark)!.Line));
        Assert.Equal((1, 1), (second.RowsRead, second.TouchpointsInserted));
    }

    [Fact]
    public async Task A_line_that_is_not_UTF8_or_cannot_be_mapped_is_quarantined_once_and_the_rest_loads()
    {
        using var files = new TempFiles();
        // A Latin-1 export's "René" (raw byte E9), and a lone UTF-16 surrogate escape the mapping cannot read as text.
        var latin1 = """{"type":"identify","messageId":"m-20","userId":"u-2","timestamp":"2026-03-01T10:00:00Z","traits":{"firstName":"René"}}""";
        var unmappable = """{"type":"identify","messageId":"m-21","userId":"u-3","timestamp":"2026-03-01T10:00:00Z","traits":{"firstName":"\ud800"}}""";
        var path = files.Write("events.jsonl", [.. Encoding.UTF8.GetBytes(Identify + "\n"), .. Encoding.Latin1.GetBytes(latin1 + "\n"), .. Encoding.UTF8.GetBytes(unmappable + "\n" + Viewed + "\n")]);
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", Settings(files, "events.jsonl"));

        var first = await database.RunAsync("segment", Source());
        var again = await database.RunAsync("segment", Source());
        var fromStart = await database.Pipeline(Source()).ExecuteAsync("segment", null, CancellationToken.None, fromStart: true);

        Assert.Equal((4, 1, 1, 2), (first.RowsRead, first.RecordsWritten, first.TouchpointsInserted, first.Quarantined));
        Assert.Equal(new FilePosition("events.jsonl", new FileInfo(path).Length, 4), FilePosition.Parse(first.Watermark));
        Assert.Equal((0, 0), (again.RowsRead, again.Quarantined));
        // Read again from the start: the same two bad rows are recognised, not quarantined a second time.
        Assert.Equal((4, 0, 0, 4), (fromStart.RowsRead, fromStart.Accepted, fromStart.Quarantined, fromStart.Duplicates));
        var rows = await database.QuarantineAsync();
        Assert.Equal(["events.jsonl:2", "events.jsonl:3"], rows.Select(r => r.Position));
        Assert.StartsWith("invalid UTF-8: byte 0xE9", rows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("\"Ren\\xE9\"", rows[0].RawPayload, StringComparison.Ordinal);
        Assert.StartsWith("cannot be mapped: InvalidOperationException", rows[1].Reason, StringComparison.Ordinal);
        Assert.Equal((1, 1, 2), await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_last_line_still_being_written_is_read_whole_once_its_writer_finishes_it()
    {
        using var files = new TempFiles();
        var half = Viewed.Length / 2;
        files.WriteUnfinished("events.jsonl", Encoding.UTF8.GetBytes(Identify + "\n" + Viewed[..half]));
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", Settings(files, "events.jsonl"));

        var first = await database.RunAsync("segment", Source());
        files.Append("events.jsonl", Viewed[half..] + "\n");
        var second = await database.RunAsync("segment", Source());

        Assert.Equal((1, 0), (first.RowsRead, first.Quarantined));
        Assert.Equal(new FilePosition("events.jsonl", Encoding.UTF8.GetByteCount(Identify + "\n"), 1), FilePosition.Parse(first.Watermark));
        Assert.Equal((1, 1, 0), (second.RowsRead, second.TouchpointsInserted, second.Quarantined));
        Assert.Equal((1, 1, 0), await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_file_that_ends_without_a_newline_is_read_to_its_end_once_it_has_settled()
    {
        using var files = new TempFiles();
        var path = files.WriteUnfinished("events.jsonl", Encoding.UTF8.GetBytes(Identify + "\n" + Viewed));
        await database.AddConnectorAsync("segment", ConnectorKind.Web, "segment-jsonl", Settings(files, "events.jsonl"));

        var writing = await database.RunAsync("segment", Source());
        files.Finish("events.jsonl");
        var settled = await database.RunAsync("segment", Source());
        var after = await database.RunAsync("segment", Source());

        Assert.Equal(1, writing.RowsRead);
        Assert.Equal((1, 1, 0), (settled.RowsRead, settled.TouchpointsInserted, settled.Quarantined));
        Assert.Equal(new FilePosition("events.jsonl", new FileInfo(path).Length, 2), FilePosition.Parse(settled.Watermark));
        Assert.Equal(0, after.RowsRead);
    }

    private static SegmentComFileSource Source() => new(Mapping.Shared);

    private static string Settings(TempFiles files, string file) =>
        $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(Path.Combine(files.Directory, file))}},"defaultRegion":"ES"}""";
}

public sealed class SqliteSegmentFileSourceTests(SqliteTestDatabase database) : SegmentComFileSourceTests<SqliteTestDatabase>(database);

public sealed class PostgresSegmentFileSourceTests(PostgresTestDatabase database) : SegmentComFileSourceTests<PostgresTestDatabase>(database);
