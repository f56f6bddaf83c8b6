using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Stewardship;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// The steward's mutations over real HTTP on each database: what each changes, that it is audited and
/// version-guarded, and that the decision survives the next match run (incremental and rebuild). Each test
/// works on its own people of the shared scenario.
/// </summary>
public abstract class StewardMutationTests<TDatabase>(ApiFixture<TDatabase> fixture) : IClassFixture<ApiFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private ApiServer Server => fixture.Server;

    private ApiScenario Scenario => fixture.Scenario;

    private MatchData Data => new(fixture.Database, new FixedClock(ApiScenario.Start.AddDays(10)));

    [Fact]
    public async Task SplitRecord_moves_the_record_into_a_new_profile_that_the_next_match_runs_keep_apart()
    {
        var (robert, bob) = (Scenario.Records["robert"], Scenario.Records["bob"]);
        var before = await ProfileOfAsync(bob);
        Assert.Equal(before, await ProfileOfAsync(robert));
        var version = await VersionAsync(before);

        var split = (await Server.PostAsync(
            """mutation($r: ID!, $v: Int!) { splitRecord(recordId: $r, profileVersion: $v) { from { id version sourceRecords { sourceKey } } to { id sourceRecords { sourceKey } links { linkedBy } } } }""",
            new { r = $"rec_{bob}", v = version },
            ApiRole.Steward)).Ok().Data.GetProperty("splitRecord");

        Assert.Equal(before.ToString(), split.GetProperty("from").GetProperty("id").GetString());
        Assert.True(split.GetProperty("from").GetProperty("version").GetInt32() > version);
        Assert.Equal(["robert"], split.GetProperty("from").GetProperty("sourceRecords").EnumerateArray().Select(r => r.GetProperty("sourceKey").GetString()));
        Assert.Equal(["bob"], split.GetProperty("to").GetProperty("sourceRecords").EnumerateArray().Select(r => r.GetProperty("sourceKey").GetString()));
        Assert.Equal("STEWARD", split.GetProperty("to").GetProperty("links")[0].GetProperty("linkedBy").GetString());
        await AssertAuditedAsync(before, "split", "steward-key");

        await Data.Runner().RunAsync(rebuild: false, CancellationToken.None);
        Assert.NotEqual(await ProfileOfAsync(robert), await ProfileOfAsync(bob));
        await Data.Runner().RunAsync(rebuild: true, CancellationToken.None);
        Assert.NotEqual(await ProfileOfAsync(robert), await ProfileOfAsync(bob));
    }

    [Fact]
    public async Task MarkNotDuplicate_on_records_of_one_profile_needs_its_version_splits_them_and_survives_a_rebuild()
    {
        var (dana, again) = (Scenario.Records["dana"], Scenario.Records["dana-again"]);
        var profile = await ProfileOfAsync(dana);
        Assert.Equal(profile, await ProfileOfAsync(again));
        const string Mark = """mutation($a: ID!, $b: ID!, $v: Int) { markNotDuplicate(recordA: $a, recordB: $b, profileVersion: $v) { split profileA { id } profileB { id } } }""";

        var withoutVersion = await Server.PostAsync(Mark, new { a = $"rec_{dana}", b = $"rec_{again}" }, ApiRole.Steward);
        Assert.Equal(["STALE_VERSION"], withoutVersion.ErrorCodes);
        Assert.Equal(profile, await ProfileOfAsync(again));

        var marked = (await Server.PostAsync(Mark, new { a = $"rec_{dana}", b = $"rec_{again}", v = await VersionAsync(profile) }, ApiRole.Steward)).Ok().Data.GetProperty("markNotDuplicate");
        Assert.True(marked.GetProperty("split").GetBoolean());
        Assert.NotEqual(marked.GetProperty("profileA").GetProperty("id").GetString(), marked.GetProperty("profileB").GetProperty("id").GetString());

        await Data.Runner().RunAsync(rebuild: true, CancellationToken.None);
        Assert.NotEqual(await ProfileOfAsync(dana), await ProfileOfAsync(again));
        await using var db = fixture.Database.CreateContext();
        Assert.Equal(1, await db.StewardConstraints.CountAsync(c => c.Kind == ConstraintKind.CannotLink && c.RecordA == Math.Min(dana, again) && c.RecordB == Math.Max(dana, again)));
    }

    [Fact]
    public async Task MergeProfiles_refuses_a_stale_version_then_merges_into_the_older_profile_whose_id_the_other_resolves_to()
    {
        var (evelyn, eve) = (await ProfileOfAsync(Scenario.Records["evelyn"]), await ProfileOfAsync(Scenario.Records["eve"]));
        Assert.NotEqual(evelyn, eve);
        const string Merge = """mutation($p: [ProfileVersionInput!]!) { mergeProfiles(profiles: $p) { id version sourceRecords { sourceKey } } }""";

        var stale = await Server.PostAsync(Merge, new { p = new[] { new { id = evelyn, version = await VersionAsync(evelyn) }, new { id = eve, version = 999 } } }, ApiRole.Steward);
        Assert.Equal(["STALE_VERSION"], stale.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, stale.Data.GetProperty("mergeProfiles").ValueKind);
        Assert.Equal(999, stale.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("expectedVersion").GetInt32());
        Assert.NotEqual(await ProfileOfAsync(Scenario.Records["evelyn"]), await ProfileOfAsync(Scenario.Records["eve"]));

        // A pin on the profile that will be absorbed follows it into the survivor.
        var older = await OlderAsync(evelyn, eve);
        var younger = older == evelyn ? eve : evelyn;
        (await Server.PostAsync(
            """mutation($p: ProfileVersionInput!) { pinAttribute(profile: $p, attribute: "Gender", value: "F") { id } }""",
            new { p = new { id = younger, version = await VersionAsync(younger) } },
            ApiRole.Steward)).Ok();

        var merged = (await Server.PostAsync(Merge, new { p = new[] { new { id = evelyn, version = await VersionAsync(evelyn) }, new { id = eve, version = await VersionAsync(eve) } } }, ApiRole.Steward))
            .Ok().Data.GetProperty("mergeProfiles");
        Assert.Equal(older.ToString(), merged.GetProperty("id").GetString());
        Assert.Equal(["eve", "evelyn"], merged.GetProperty("sourceRecords").EnumerateArray().Select(r => r.GetProperty("sourceKey").GetString()).Order());

        var resolved = (await Server.PostAsync($$"""{ profile(id: "{{younger}}") { id attribute(name: "Gender") { value lineage { pinned } } } }""")).Ok();
        Assert.Equal(older.ToString(), resolved.Data.GetProperty("profile").GetProperty("id").GetString());
        Assert.Equal("F", resolved.Data.GetProperty("profile").GetProperty("attribute").GetProperty("value").GetString());

        await Data.Runner().RunAsync(rebuild: true, CancellationToken.None);
        Assert.Equal(await ProfileOfAsync(Scenario.Records["evelyn"]), await ProfileOfAsync(Scenario.Records["eve"]));
    }

    [Fact]
    public async Task ResolveReviewItem_merge_joins_the_pair_and_a_second_decision_is_refused()
    {
        var (harriet, harriett) = (Scenario.Records["harriet"], Scenario.Records["harriett"]);
        var (a, b) = (await ProfileOfAsync(harriet), await ProfileOfAsync(harriett));
        const string Resolve = """mutation($id: ID!, $v: [ProfileVersionInput!]) { resolveReviewItem(id: $id, decision: MERGE, versions: $v) { status resolvedBy } }""";
        var versions = a == b
            ? new[] { new { id = a, version = await VersionAsync(a) } }
            : [new { id = a, version = await VersionAsync(a) }, new { id = b, version = await VersionAsync(b) }];

        var item = (await Server.PostAsync(Resolve, new { id = $"rev_{Scenario.ReviewItem}", v = versions }, ApiRole.Steward)).Ok().Data.GetProperty("resolveReviewItem");
        Assert.Equal("MERGED", item.GetProperty("status").GetString());
        Assert.Equal("steward-key", item.GetProperty("resolvedBy").GetString());
        Assert.Equal(await ProfileOfAsync(harriet), await ProfileOfAsync(harriett));

        var again = await Server.PostAsync(Resolve, new { id = $"rev_{Scenario.ReviewItem}", v = versions }, ApiRole.Steward);
        Assert.Equal(["INVALID_STATE"], again.ErrorCodes);

        await Data.Runner().RunAsync(rebuild: true, CancellationToken.None);
        Assert.Equal(await ProfileOfAsync(harriet), await ProfileOfAsync(harriett));
    }

    [Fact]
    public async Task ResolveReviewItem_not_a_match_leaves_the_queue_and_keeps_the_records_apart()
    {
        var (ivy, maybe) = (Scenario.Records["ivy"], Scenario.Records["ivy-maybe"]);
        var item = (await Server.PostAsync(
            """mutation($id: ID!) { resolveReviewItem(id: $id, decision: NOT_A_MATCH) { id status } }""",
            new { id = $"rev_{Scenario.IvyReview}" },
            ApiRole.Steward)).Ok().Data.GetProperty("resolveReviewItem");
        Assert.Equal("NOT_A_MATCH", item.GetProperty("status").GetString());

        var queue = (await Server.PostAsync("{ reviewQueue(first: 100) { nodes { id } } }", role: ApiRole.Steward)).Ok();
        Assert.DoesNotContain(queue.Data.GetProperty("reviewQueue").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == $"rev_{Scenario.IvyReview}");

        await Data.Runner().RunAsync(rebuild: true, CancellationToken.None);
        Assert.NotEqual(await ProfileOfAsync(ivy), await ProfileOfAsync(maybe));
    }

    [Fact]
    public async Task Pin_wins_survivorship_across_match_runs_and_unpin_gives_the_attribute_back_to_the_rules()
    {
        var pablo = await ProfileOfAsync(Scenario.Records["pablo"]);
        var pinned = (await Server.PostAsync(
            """mutation($p: ProfileVersionInput!) { pinAttribute(profile: $p, attribute: "firstname", value: " Pau ") { version givenName attribute(name: "FirstName") { value lineage { rule pinned source } } } }""",
            new { p = new { id = pablo, version = await VersionAsync(pablo) } },
            ApiRole.Steward)).Ok().Data.GetProperty("pinAttribute");
        Assert.Equal("Pau", pinned.GetProperty("givenName").GetString());
        Assert.True(pinned.GetProperty("attribute").GetProperty("lineage").GetProperty("pinned").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pinned.GetProperty("attribute").GetProperty("lineage").GetProperty("source").ValueKind);

        await Data.Runner().RunAsync(rebuild: true, CancellationToken.None);
        var after = (await Server.PostAsync($$"""{ profile(id: "{{pablo}}") { givenName version history { action actor before after } } }""")).Ok().Data.GetProperty("profile");
        Assert.Equal("Pau", after.GetProperty("givenName").GetString());
        var pin = after.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "pin");
        Assert.Equal("Pablo", pin.GetProperty("before").GetProperty("value").GetString());
        Assert.Equal("Pau", pin.GetProperty("after").GetProperty("value").GetString());

        var unpinned = (await Server.PostAsync(
            """mutation($p: ProfileVersionInput!) { unpinAttribute(profile: $p, attribute: "FirstName") { givenName } }""",
            new { p = new { id = pablo, version = after.GetProperty("version").GetInt32() } },
            ApiRole.Steward)).Ok().Data.GetProperty("unpinAttribute");
        Assert.Equal("Pablo", unpinned.GetProperty("givenName").GetString());

        var unknown = await Server.PostAsync(
            """mutation($p: ProfileVersionInput!) { pinAttribute(profile: $p, attribute: "ShoeSize", value: "9") { id } }""",
            new { p = new { id = pablo, version = await VersionAsync(pablo) } },
            ApiRole.Steward);
        Assert.Equal(["INVALID_STATE"], unknown.ErrorCodes);
    }

    [Fact]
    public async Task A_conflict_stays_in_the_conflict_queue_until_a_steward_pins_the_attribute()
    {
        var quinn = await ProfileOfAsync(Scenario.Records["quinn"]);
        Assert.Equal(quinn, await ProfileOfAsync(Scenario.Records["quinn-2"]));
        const string Queue = """{ conflictQueue(first: 100) { nodes { id conflicts { attribute survivor { value } candidates { value lineage { source rule } } } } } }""";

        var queued = (await Server.PostAsync(Queue, role: ApiRole.Steward)).Ok().Data.GetProperty("conflictQueue").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == quinn.ToString());
        var conflict = Assert.Single(queued.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("BirthDate", conflict.GetProperty("attribute").GetString());
        var values = new[] { conflict.GetProperty("survivor").GetProperty("value").GetString(), conflict.GetProperty("candidates")[0].GetProperty("value").GetString() };
        Assert.Equal(["1980-01-01", "1981-01-01"], values.Order());
        Assert.Equal("Conflict", conflict.GetProperty("candidates")[0].GetProperty("lineage").GetProperty("rule").GetString());

        (await Server.PostAsync(
            """mutation($p: ProfileVersionInput!) { pinAttribute(profile: $p, attribute: "BirthDate", value: "1980-01-01") { birthDate conflicts { attribute } } }""",
            new { p = new { id = quinn, version = await VersionAsync(quinn) } },
            ApiRole.Steward)).Ok();
        var after = (await Server.PostAsync(Queue, role: ApiRole.Steward)).Ok().Data.GetProperty("conflictQueue").GetProperty("nodes");
        Assert.DoesNotContain(after.EnumerateArray(), n => n.GetProperty("id").GetString() == quinn.ToString());
    }

    [Fact]
    public async Task Concurrent_edits_of_one_version_let_exactly_one_through()
    {
        var profile = await ProfileOfAsync(Scenario.Records["robert"]);
        var version = await VersionAsync(profile);
        const string Pin = """mutation($p: ProfileVersionInput!, $v: String!) { pinAttribute(profile: $p, attribute: "City", value: $v) { version city } }""";

        var responses = await Task.WhenAll(
            Server.PostAsync(Pin, new { p = new { id = profile, version }, v = "Harrogate" }, ApiRole.Steward),
            Server.PostAsync(Pin, new { p = new { id = profile, version }, v = "Ripon" }, ApiRole.Steward));

        var winner = Assert.Single(responses, r => !r.HasErrors);
        var loser = Assert.Single(responses, r => r.HasErrors);
        Assert.True(loser.ErrorCodes.SequenceEqual(["STALE_VERSION"]), loser.Text);
        var city = winner.Data.GetProperty("pinAttribute").GetProperty("city").GetString();
        var now = (await Server.PostAsync($$"""{ profile(id: "{{profile}}") { city } }""")).Ok().Data.GetProperty("profile").GetProperty("city").GetString();
        Assert.Equal(city, now);
        await using var db = fixture.Database.CreateContext();
        Assert.Equal(1, await db.StewardConstraints.CountAsync(c => c.ProfileId == profile && c.Attribute == "City" && c.RevokedAt == null));
    }

    [Fact]
    public async Task Marketing_keys_cannot_run_steward_mutations()
    {
        var pablo = await ProfileOfAsync(Scenario.Records["pablo"]);
        var version = await VersionAsync(pablo);
        var refused = await Server.PostAsync(
            """mutation($p: ProfileVersionInput!) { pinAttribute(profile: $p, attribute: "City", value: "Leeds") { id } }""",
            new { p = new { id = pablo, version } },
            ApiRole.Marketing);

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], refused.ErrorCodes);
        Assert.Equal(version, await VersionAsync(pablo));
    }

    [Fact]
    public async Task PreviewMerge_shows_the_older_profile_surviving_with_both_profiles_values_and_changes_nothing()
    {
        var (pablo, quinn) = (await ProfileOfAsync(Scenario.Records["pablo"]), await ProfileOfAsync(Scenario.Records["quinn"]));
        var versions = new[] { new { id = pablo, version = await VersionAsync(pablo) }, new { id = quinn, version = await VersionAsync(quinn) } };
        var before = await StateAsync(pablo, quinn);
        const string Preview = """query($p: [ProfileVersionInput!]!) { previewMerge(profiles: $p) { survivor { id } absorbed { id } records attributes { name value lineage { source } } } }""";

        var preview = (await Server.PostAsync(Preview, new { p = versions }, ApiRole.Steward)).Ok().Data.GetProperty("previewMerge");

        var survivor = await OlderAsync(pablo, quinn);
        Assert.Equal(survivor.ToString(), preview.GetProperty("survivor").GetProperty("id").GetString());
        Assert.Equal([(survivor == pablo ? quinn : pablo).ToString()], preview.GetProperty("absorbed").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(before.Records, preview.GetProperty("records").GetInt32());
        // Both profiles' emails survive on the merged profile (multi-valued), each still naming its source.
        Assert.Equal(
            ["pablo.ortega@example.com", "quinn.farrow@example.com"],
            preview.GetProperty("attributes").EnumerateArray().Where(a => a.GetProperty("name").GetString() == "Email").Select(a => a.GetProperty("value").GetString()).Order());
        Assert.Equal(before, await StateAsync(pablo, quinn));

        var stale = await Server.PostAsync(Preview, new { p = new[] { versions[0], new { id = quinn, version = 999 } } }, ApiRole.Steward);
        Assert.Equal(["STALE_VERSION"], stale.ErrorCodes);
        var marketing = await Server.PostAsync(Preview, new { p = versions }, ApiRole.Marketing);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], marketing.ErrorCodes);
    }

    [Fact]
    public async Task The_review_queue_reads_its_thresholds_and_says_each_explanation_in_one_plain_sentence()
    {
        var queue = (await Server.PostAsync(
            """{ matchThresholds { upper lower } reviewQueue(first: 5, includeResolved: true) { nodes { explanation { sentence probability decision contributions { attribute weight } } } } }""",
            role: ApiRole.Steward)).Ok().Data;

        Assert.Equal(MatchSettings.Default.UpperThreshold, queue.GetProperty("matchThresholds").GetProperty("upper").GetDouble());
        Assert.Equal(MatchSettings.Default.LowerThreshold, queue.GetProperty("matchThresholds").GetProperty("lower").GetDouble());
        var explanations = queue.GetProperty("reviewQueue").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("explanation")).ToList();
        Assert.NotEmpty(explanations);
        foreach (var explanation in explanations)
        {
            var sentence = explanation.GetProperty("sentence").GetString()!;
            Assert.Equal("REVIEW", explanation.GetProperty("decision").GetString());
            Assert.EndsWith($" Taken together, {Math.Round(100 * explanation.GetProperty("probability").GetDouble(), MidpointRounding.AwayFromZero)}% likely one person: not sure enough to link them without a steward.", sentence, StringComparison.Ordinal);
            // Every attribute that weighed for or against is named; none that weighed nothing is.
            foreach (var c in explanation.GetProperty("contributions").EnumerateArray())
            {
                var named = sentence.Contains(c.GetProperty("attribute").GetString()!, StringComparison.OrdinalIgnoreCase);
                Assert.True(named == (c.GetProperty("weight").GetDouble() != 0), $"{c} in: {sentence}");
            }
        }
    }

    private async Task<(int Records, string Versions, int Audits)> StateAsync(Guid a, Guid b)
    {
        await using var db = fixture.Database.CreateContext();
        var profiles = await db.Profiles.Where(p => p.Id == a || p.Id == b).OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Version}:{p.Status}").ToListAsync();
        var audits = await db.AuditEvents.CountAsync();
        return (await db.Memberships.CountAsync(m => m.ProfileId == a || m.ProfileId == b), string.Join(",", profiles), audits);
    }

    private async Task<Guid> ProfileOfAsync(long record)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Memberships.Where(m => m.RecordId == record).Select(m => m.ProfileId).SingleAsync();
    }

    private async Task<int> VersionAsync(Guid profile)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Profiles.Where(p => p.Id == profile).Select(p => p.Version).SingleAsync();
    }

    private async Task<Guid> OlderAsync(Guid a, Guid b)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Profiles.Where(p => p.Id == a || p.Id == b).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task AssertAuditedAsync(Guid profile, string action, string actor)
    {
        var history = (await Server.PostAsync($$"""{ profile(id: "{{profile}}") { history { action actor before after } } }""")).Ok()
            .Data.GetProperty("profile").GetProperty("history").EnumerateArray().ToList();
        var entry = history.First(e => e.GetProperty("action").GetString() == action);
        Assert.Equal(actor, entry.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Object, entry.GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Object, entry.GetProperty("after").ValueKind);
    }
}

public sealed class SqliteStewardMutationTests(ApiFixture<SqliteTestDatabase> fixture) : StewardMutationTests<SqliteTestDatabase>(fixture);

public sealed class PostgresStewardMutationTests(ApiFixture<PostgresTestDatabase> fixture) : StewardMutationTests<PostgresTestDatabase>(fixture);

public sealed class SqlServerStewardMutationTests(ApiFixture<SqlServerTestDatabase> fixture) : StewardMutationTests<SqlServerTestDatabase>(fixture);
