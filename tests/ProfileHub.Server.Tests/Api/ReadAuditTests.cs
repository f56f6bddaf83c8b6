using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// Reads of personal data are audited (issue 17), on each database, through the real server: which key read
/// which profile through which root field, queryable by admin keys only. (That an audit row holds no personal
/// value is checked by ErasureTests' scan of every column after an erasure: the profile was read first.)
/// </summary>
public abstract class ReadAuditTests<TDatabase>(ApiFixture<TDatabase> fixture) : IClassFixture<ApiFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private const string Reads = """
        query($key: String, $profile: ID, $from: DateTime, $first: Int, $after: String) {
          personalDataReads(apiKey: $key, profileId: $profile, from: $from, first: $first, after: $after) {
            nodes { apiKey apiKeyId field profileId readAt } pageInfo { hasNextPage endCursor } } }
        """;

    private string Robert => fixture.Scenario.RobertProfile.ToString();

    [Fact]
    public async Task A_read_of_a_profiles_personal_data_is_recorded_with_the_key_the_profile_and_the_root_field_not_its_alias()
    {
        var before = await ReadsAsync("marketing-key", Robert);

        (await fixture.Server.PostAsync($$"""{ someone: profile(id: "{{Robert}}") { givenName email touchpoints(first: 3) { nodes { type } } } }""", role: ApiRole.Marketing)).Ok();

        var after = await ReadsAsync("marketing-key", Robert);
        var added = after.Count - before.Count;
        Assert.Equal(1, added);
        var row = after[0];
        Assert.Equal(("marketing-key", "profile", Robert), (row.GetProperty("apiKey").GetString(), row.GetProperty("field").GetString(), row.GetProperty("profileId").GetString()));
        Assert.True(row.GetProperty("apiKeyId").GetInt32() > 0);
    }

    [Fact]
    public async Task Search_results_and_subject_access_are_recorded_and_ids_alone_are_not()
    {
        var idsOnly = await ReadsAsync("steward-key", Robert);
        (await fixture.Server.PostAsync($$"""{ profile(id: "{{Robert}}") { id version status } }""", role: ApiRole.Steward)).Ok();
        Assert.Equal(idsOnly.Count, (await ReadsAsync("steward-key", Robert)).Count);

        var matches = (await fixture.Server.PostAsync("""{ searchProfiles(query: "Castellano") { profile { id givenName } } }""", role: ApiRole.Steward)).Ok()
            .Data.GetProperty("searchProfiles").EnumerateArray().Select(m => m.GetProperty("profile").GetProperty("id").GetString()).ToList();
        Assert.Contains(Robert, matches);
        var searched = (await ReadsAsync("steward-key", null)).Where(r => r.GetProperty("field").GetString() == "searchProfiles").Select(r => r.GetProperty("profileId").GetString()).ToHashSet();
        Assert.Superset(matches.ToHashSet(), searched);

        (await fixture.Server.PostAsync($$"""{ subjectAccess(email: "{{ApiScenario.Robert.Email}}") }""")).Ok();
        Assert.Contains(await ReadsAsync("admin-key", Robert), r => r.GetProperty("field").GetString() == "subjectAccess");
    }

    [Fact]
    public async Task An_audience_pullers_contact_points_are_recorded_per_member()
    {
        if ((await fixture.Server.PostAsync("""{ segment(name: "audit-everyone") { name } }""")).Ok().Data.GetProperty("segment").ValueKind == JsonValueKind.Null)
        {
            (await fixture.Server.PostAsync("""mutation { createSegment(name: "audit-everyone", rule: "touchpoints >= 0") { name } }""")).Ok();
        }

        (await fixture.Server.PostAsync("""mutation { refreshSegment(name: "audit-everyone") { members } }""")).Ok();
        var members = (await fixture.Server.PostAsync("""{ audience(segment: "audit-everyone", channel: SMS, first: 100) { nodes { profileId phone } } }""", role: ApiRole.Segmentation)).Ok()
            .Data.GetProperty("audience").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("profileId").GetString()).ToHashSet();
        Assert.NotEmpty(members);

        var recorded = (await ReadsAsync("segmentation-key", null)).Where(r => r.GetProperty("field").GetString() == "audience").Select(r => r.GetProperty("profileId").GetString()).ToHashSet();
        Assert.Equal(members, recorded);
    }

    [Fact]
    public async Task Only_admin_keys_query_the_audit_which_pages_newest_first_and_filters_by_time()
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            (await fixture.Server.PostAsync($$"""{ profile(id: "{{Robert}}") { familyName } }""", role: ApiRole.Marketing)).Ok();
        }

        foreach (var role in new[] { ApiRole.Marketing, ApiRole.Steward, ApiRole.Segmentation })
        {
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await fixture.Server.PostAsync(Reads, new { key = "marketing-key" }, role)).ErrorCodes);
        }

        var first = (await fixture.Server.PostAsync(Reads, new { key = "marketing-key", profile = Robert, first = 1 })).Ok().Data.GetProperty("personalDataReads");
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var second = (await fixture.Server.PostAsync(Reads, new { key = "marketing-key", profile = Robert, first = 1, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }))
            .Ok().Data.GetProperty("personalDataReads").GetProperty("nodes")[0];
        Assert.True(first.GetProperty("nodes")[0].GetProperty("readAt").GetDateTimeOffset() >= second.GetProperty("readAt").GetDateTimeOffset());

        var future = (await fixture.Server.PostAsync(Reads, new { key = "marketing-key", from = TimeProvider.System.GetUtcNow().AddDays(1) })).Ok();
        Assert.Equal(0, future.Data.GetProperty("personalDataReads").GetProperty("nodes").GetArrayLength());
        Assert.Equal(["BAD_USER_INPUT"], (await fixture.Server.PostAsync(Reads, new { profile = "not-a-uuid" })).ErrorCodes);
    }

    /// <summary>The audit rows of a key (and a profile), newest first, read as admin.</summary>
    private async Task<List<JsonElement>> ReadsAsync(string key, string? profile)
    {
        var rows = new List<JsonElement>();
        string? after = null;
        while (true)
        {
            var page = (await fixture.Server.PostAsync(Reads, new { key, profile, first = 100, after })).Ok().Data.GetProperty("personalDataReads");
            rows.AddRange(page.GetProperty("nodes").EnumerateArray());
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                return rows;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }
}

public sealed class SqliteReadAuditTests(ApiFixture<SqliteTestDatabase> fixture) : ReadAuditTests<SqliteTestDatabase>(fixture);

public sealed class PostgresReadAuditTests(ApiFixture<PostgresTestDatabase> fixture) : ReadAuditTests<PostgresTestDatabase>(fixture);

public sealed class SqlServerReadAuditTests(ApiFixture<SqlServerTestDatabase> fixture) : ReadAuditTests<SqlServerTestDatabase>(fixture);
