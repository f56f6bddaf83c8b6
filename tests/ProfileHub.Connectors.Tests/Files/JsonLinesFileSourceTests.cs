using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Files;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Files;

public sealed class JsonLinesFileSourceTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Flat_objects_map_by_property_name_and_bad_lines_are_quarantined()
    {
        using var files = new TempFiles();
        files.Write("members.jsonl", string.Join('\n',
            """{"member":"m1","first":"Ana","points":120,"email":"ana@example.com"}""",
            """["not","an","object"]""",
            """{"member":"m2","first":"Bo","email":"bo@example.com"}""",
            """{"member":"m3","fir""") );
        var settings = $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(Path.Combine(files.Directory, "members.jsonl"))}},"columns":{"member":"LoyaltyId","first":"FirstName","email":"Email"},"keyColumn":"member"}""";
        await database.AddConnectorAsync("loyalty-file", ConnectorKind.File, "jsonl", settings);

        var summary = await database.RunAsync("loyalty-file", new JsonLinesFileSource());

        Assert.Equal((4, 2, 2), (summary.RowsRead, summary.RecordsWritten, summary.Quarantined));
        await using var db = database.CreateContext();
        var ana = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "m1");
        Assert.Equal(["Email:ana@example.com", "LoyaltyId:m1"], ana.Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}").Order());
        var reasons = await db.QuarantinedRows.OrderBy(q => q.Position).Select(q => q.Position + " " + q.Reason).ToListAsync();
        Assert.Equal(["members.jsonl:2 not a JSON object", "members.jsonl:4 truncated: the file ends inside this line"], reasons);
    }
}
