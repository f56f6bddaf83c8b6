using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Privacy;

/// <summary>
/// The right of access on each database: `profilehub subject export` and the admin's `subjectAccess` write
/// everything held about the scenario's Robert/Bob Castellano (one person, two records sharing an address):
/// records, identifiers, consent per contact point, touchpoints, links with explanations, segments, lineage.
/// </summary>
public abstract class SubjectAccessTests<TDatabase>(ApiFixture<TDatabase> fixture) : IClassFixture<ApiFixture<TDatabase>>, IDisposable
    where TDatabase : TestDatabase, new()
{
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-subject-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Subject_export_writes_the_persons_records_identifiers_consent_touchpoints_explanations_segments_and_lineage_as_json()
    {
        (await fixture.Server.PostAsync("""mutation { createSegment(name: "subject-everyone", rule: "touchpoints >= 0") { name } }""")).Ok();
        (await fixture.Server.PostAsync("""mutation { refreshSegment(name: "subject-everyone") { members } }""")).Ok();
        var file = Path.Combine(_directory, "subject.json");

        await using var export = ProfileHubProcess.Start(
            _directory,
            new Dictionary<string, string>
            {
                ["ProfileHub__Database__Provider"] = fixture.Database.ProviderName,
                ["ProfileHub__Database__ConnectionString"] = fixture.Database.ConnectionString,
            },
            "subject", "export", "--email", " ROB.Castellano@Example.COM ", "--output", file);
        Assert.Equal(0, await export.WaitForExitAsync(TimeSpan.FromSeconds(120)));

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var root = document.RootElement;
        Assert.Equal("rob.castellano@example.com", root.GetProperty("subject").GetProperty("email").GetString());
        var records = root.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(["bob", "robert"], records.Select(r => r.GetProperty("sourceKey").GetString()).Order());
        Assert.Contains(records.SelectMany(r => r.GetProperty("identifiers").EnumerateArray()), i => i.GetProperty("normalizedValue").GetString() == "+447700900555");
        Assert.Contains(records.SelectMany(r => r.GetProperty("consent").EnumerateArray()), c =>
            c.GetProperty("channel").GetString() == "Email" && c.GetProperty("contactPoint").GetString() == "rob.castellano@example.com" && c.GetProperty("status").GetString() == "Unsubscribed");
        Assert.Contains(records, r => r.GetProperty("link").GetProperty("explanation").ValueKind == JsonValueKind.Object);
        Assert.NotEmpty(root.GetProperty("touchpoints").EnumerateArray());

        var profile = Assert.Single(root.GetProperty("profiles").EnumerateArray());
        Assert.Contains(profile.GetProperty("segments").EnumerateArray(), s => s.GetProperty("segment").GetString() == "subject-everyone");
        Assert.Contains(profile.GetProperty("attributes").EnumerateArray(), a =>
            a.GetProperty("name").GetString() == "FirstName" && a.GetProperty("lineage").GetProperty("source").GetString() == "shop");
    }

    [Fact]
    public async Task The_subject_access_field_answers_admin_keys_only()
    {
        const string Query = """query($e: String!) { subjectAccess(email: $e) }""";

        var admin = (await fixture.Server.PostAsync(Query, new { e = "rob.castellano@example.com" }, ApiRole.Admin)).Ok().Data.GetProperty("subjectAccess");
        var steward = await fixture.Server.PostAsync(Query, new { e = "rob.castellano@example.com" }, ApiRole.Steward);
        var nobody = (await fixture.Server.PostAsync(Query, new { e = "nobody@example.com" }, ApiRole.Admin)).Ok().Data.GetProperty("subjectAccess");
        var malformed = await fixture.Server.PostAsync(Query, new { e = "not an address" }, ApiRole.Admin);

        Assert.Equal(["bob", "robert"], admin.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("sourceKey").GetString()).Order());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], steward.ErrorCodes);
        Assert.Empty(nobody.GetProperty("profiles").EnumerateArray());
        Assert.Equal(["BAD_USER_INPUT"], malformed.ErrorCodes);
    }
}

public sealed class SqliteSubjectAccessTests(ApiFixture<SqliteTestDatabase> fixture) : SubjectAccessTests<SqliteTestDatabase>(fixture);

public sealed class PostgresSubjectAccessTests(ApiFixture<PostgresTestDatabase> fixture) : SubjectAccessTests<PostgresTestDatabase>(fixture);
