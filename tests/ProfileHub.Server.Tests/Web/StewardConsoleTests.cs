using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Web;

/// <summary>
/// The /steward console in a real browser (Debian's Chromium, headless) against the real server over the demo
/// data in each database: a steward decides queue items by keyboard, pins, splits and merges; each decision is
/// then read back through GraphQL and the database, before and after the next match run.
/// </summary>
public abstract class StewardConsoleTests<TDatabase>(StewardConsoleTests<TDatabase>.Browser browser) : IClassFixture<StewardConsoleTests<TDatabase>.Browser>
    where TDatabase : TestDatabase, new()
{
    private JsonElement Page => browser.Page;

    [Fact]
    public void The_console_asks_for_the_key_once_and_shows_no_error()
    {
        Assert.Equal(200, Page.GetProperty("status").GetInt32());
        Assert.True(Page.GetProperty("keyAsked").GetBoolean());
        Assert.True(Page.GetProperty("helpOpen").GetBoolean());
        Assert.Empty(Page.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void The_queue_lists_the_open_items_oldest_first_with_their_count()
    {
        var queue = Page.GetProperty("queue");

        Assert.Equal(browser.OpenItems.Take(50), queue.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal($"{browser.OpenItems.Count} open items; 1–{Math.Min(50, browser.OpenItems.Count)} shown.", queue.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_pair_view_draws_the_explanation_as_a_waterfall_from_the_prior_to_the_total_with_the_plain_sentence()
    {
        var pair = Page.GetProperty("queue").GetProperty("pair");
        var explanation = (await browser.Demo.Server.PostAsync(
            """query($id: ID!) { node(id: $id) { ... on ReviewItem { explanation { priorWeight totalWeight sentence contributions { attribute weight } } } } }""",
            new { id = pair.GetProperty("id").GetString() })).Ok().Data.GetProperty("node").GetProperty("explanation");

        Assert.Equal(explanation.GetProperty("sentence").GetString(), pair.GetProperty("sentence").GetString());
        var steps = pair.GetProperty("steps").EnumerateArray().Select(s => s.GetDouble()).ToList();
        var weighed = explanation.GetProperty("contributions").EnumerateArray().Where(c => c.GetProperty("weight").GetDouble() != 0).ToList();
        Assert.Equal(weighed.Count + 1, steps.Count);
        Assert.Equal(explanation.GetProperty("priorWeight").GetDouble(), steps[0], 3);
        Assert.Equal(explanation.GetProperty("totalWeight").GetDouble(), steps.Sum(), 2);
        Assert.Equal(explanation.GetProperty("totalWeight").GetDouble(), pair.GetProperty("total").GetDouble(), 3);
        // Every attribute has a row, marked by whether it weighed for, against or not at all.
        var rows = pair.GetProperty("rows").EnumerateArray().ToDictionary(r => r[0].GetString()!, r => r[1].GetString());
        foreach (var c in explanation.GetProperty("contributions").EnumerateArray())
        {
            var weight = c.GetProperty("weight").GetDouble();
            Assert.Equal(weight > 0 ? "agree" : weight < 0 ? "differ" : "missing", rows[c.GetProperty("attribute").GetString()!]);
        }
    }

    [Fact]
    public void Three_keyboard_decisions_hold_in_the_database_and_survive_the_next_match()
    {
        var keyed = Page.GetProperty("keyed").EnumerateArray().ToList();
        Assert.Equal(["m", "n", "s", "n"], keyed.Select(k => k.GetProperty("key").GetString()));
        Assert.Equal(browser.OpenItems.Take(4), keyed.Select(k => k.GetProperty("id").GetString()));

        foreach (var state in new[] { browser.BeforeMatch, browser.AfterMatch })
        {
            Assert.Equal((ReviewStatus.Merged, "steward-key", true), state.Items[keyed[0].GetProperty("id").GetString()!]);
            Assert.Equal((ReviewStatus.NotAMatch, "steward-key", false), state.Items[keyed[1].GetProperty("id").GetString()!]);
            Assert.Equal((ReviewStatus.Open, null, false), state.Items[keyed[2].GetProperty("id").GetString()!]);
            Assert.Equal((ReviewStatus.NotAMatch, "steward-key", false), state.Items[keyed[3].GetProperty("id").GetString()!]);
        }

        Assert.StartsWith($"{keyed[0].GetProperty("id").GetString()}: merged", keyed[0].GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_another_steward_made_first_is_said_plainly_and_not_overwritten()
    {
        var contest = Page.GetProperty("contest");
        var id = contest.GetProperty("id").GetString()!;

        Assert.Equal(browser.OpenItems[4], id);
        Assert.Equal($"{id} was decided before yours arrived (not a match by steward-key): your decision was not applied, and nothing was lost.", contest.GetProperty("notice").GetString());
        Assert.Equal("not a match by steward-key", contest.GetProperty("listed").GetString());
        Assert.Equal((ReviewStatus.NotAMatch, "steward-key", false), browser.AfterMatch.Items[id]);
    }

    [Fact]
    public void A_pinned_value_is_the_profiles_value_after_the_next_match()
    {
        var row = Page.GetProperty("pinnedRow").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(["Alexandra", "pinned by a steward", "Unpin"], [row[0], row[1], row[3]]);
        Assert.StartsWith("StewardPin", row[2], StringComparison.Ordinal);
        Assert.Equal(("Alexandra", true), browser.BeforeMatch.FirstName);
        Assert.Equal(("Alexandra", true), browser.AfterMatch.FirstName);
    }

    [Fact]
    public void A_record_split_out_founds_its_own_profile_and_stays_apart_after_the_next_match()
    {
        Assert.Equal($"rec_{browser.SplitRecord}", Page.GetProperty("splitRecord").GetString());
        Assert.StartsWith($"rec_{browser.SplitRecord} (", Page.GetProperty("splitNotice").GetString(), StringComparison.Ordinal);
        foreach (var state in new[] { browser.BeforeMatch, browser.AfterMatch })
        {
            Assert.NotEqual(browser.EditProfile, state.SplitRecordProfile);
            Assert.Equal(1, state.SplitRecordCompanions);
        }
    }

    [Fact]
    public void Two_profiles_merge_after_a_preview_of_the_survivor_and_stay_merged_after_the_next_match()
    {
        var preview = Page.GetProperty("preview");
        Assert.StartsWith($"Survivor: {browser.EditProfile} (the oldest) absorbs {browser.MergeProfile};", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        // The preview's first name is the pin, which follows its profile into the merge.
        Assert.Contains(preview.GetProperty("attributes").EnumerateArray(), a => a[0].GetString() == "FirstName" && a[1].GetString() == "Alexandra");
        Assert.Equal(["merge", "split", "pin"], Page.GetProperty("history").EnumerateArray().Select(h => h.GetString()).Take(3));

        foreach (var state in new[] { browser.BeforeMatch, browser.AfterMatch })
        {
            Assert.Equal((ProfileStatus.Merged, browser.EditProfile), state.Merged);
            Assert.Equal(browser.EditProfile.ToString(), state.MergedResolvesTo);
        }
    }

    [Fact]
    public void Search_finds_the_profile_by_its_family_name()
    {
        var search = Page.GetProperty("search");

        Assert.Contains($"#/profile/{browser.EditProfile}", search.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()));
        Assert.Matches(@"^\d+ profiles? found for “.+”\.$", search.GetProperty("summary").GetString());
    }

    [Fact]
    public void At_a_tablet_width_nothing_scrolls_sideways()
    {
        foreach (var view in new[] { "tabletQueue", "tabletProfile" })
        {
            var seen = Page.GetProperty(view);
            Assert.True(seen.GetProperty("scrollWidth").GetInt32() <= seen.GetProperty("innerWidth").GetInt32(), $"{view}: {seen}");
        }
    }

    /// <summary>What the steward's decisions left, read through GraphQL (items, profiles) and the database (statuses).</summary>
    public sealed record Decisions(
        IReadOnlyDictionary<string, (ReviewStatus Status, string? By, bool Together)> Items,
        (string? Value, bool Pinned) FirstName,
        Guid SplitRecordProfile,
        int SplitRecordCompanions,
        (ProfileStatus Status, Guid? Into) Merged,
        string? MergedResolvesTo);

    /// <summary>
    /// The demo loaded and served once; the console driven once (a browser run takes seconds); what it decided
    /// read back, then the next match run, then read back again. Screenshots go to screenshots/steward/PROVIDER
    /// beside the test binaries (docs/steward holds the reviewed ones, from SQLite).
    /// </summary>
    public sealed class Browser : IAsyncLifetime
    {
        public DemoFixture<TDatabase> Demo { get; } = new();

        public JsonElement Page { get; private set; }

        public List<string> OpenItems { get; private set; } = [];

        public Guid EditProfile { get; private set; }

        public Guid MergeProfile { get; private set; }

        public long SplitRecord { get; private set; }

        public Decisions BeforeMatch { get; private set; } = null!;

        public Decisions AfterMatch { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Demo.InitializeAsync();
            if (!Demo.Database.Available)
            {
                return; // No server for this provider here: the tests report as skipped.
            }

            await using (var db = Demo.Database.CreateContext())
            {
                OpenItems = [.. (await db.ReviewItems.Where(r => r.Status == ReviewStatus.Open).Select(r => new { r.Id, r.CreatedAt }).ToListAsync())
                    .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => $"rev_{r.Id}")];
                // A profile of three or more records with a first and a last name (to pin, split and search),
                // and an older one of two records no review item involves, to merge into it.
                var sizes = await db.Memberships.GroupBy(m => m.ProfileId).Select(g => new { Profile = g.Key, Records = g.Count() }).ToListAsync();
                var named = (await db.ProfileAttributes.Where(a => a.Name == "FirstName" || a.Name == "LastName").Select(a => new { a.ProfileId, a.Name }).ToListAsync())
                    .GroupBy(a => a.ProfileId).Where(g => g.Select(a => a.Name).Distinct().Count() == 2).Select(g => g.Key).ToHashSet();
                var reviewed = (await db.ReviewItems.Select(r => new[] { r.RecordA, r.RecordB }).ToListAsync()).SelectMany(r => r).ToHashSet();
                var inReview = (await db.Memberships.Select(m => new { m.RecordId, m.ProfileId }).ToListAsync()).Where(m => reviewed.Contains(m.RecordId)).Select(m => m.ProfileId).ToHashSet();
                var created = await db.Profiles.ToDictionaryAsync(p => p.Id, p => (p.CreatedAt, p.Id));
                EditProfile = sizes.Where(s => s.Records >= 3 && named.Contains(s.Profile) && !inReview.Contains(s.Profile)).Select(s => s.Profile).OrderBy(p => created[p]).First();
                MergeProfile = sizes.Where(s => s.Records == 2 && !inReview.Contains(s.Profile) && created[s.Profile].CompareTo(created[EditProfile]) > 0).Select(s => s.Profile).OrderBy(p => created[p]).First();
            }

            var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", "steward", Demo.Database.ProviderName)).FullName;
            Page = await BrowserScript.RunAsync(
                "steward.mjs", Demo.Server.BaseAddress.ToString(), Demo.Server.KeyFor(ApiRole.Steward), screenshots, EditProfile.ToString(), MergeProfile.ToString());
            SplitRecord = long.Parse(Page.GetProperty("splitRecord").GetString()!["rec_".Length..], System.Globalization.CultureInfo.InvariantCulture);

            BeforeMatch = await ObserveAsync();
            await new MatchData(Demo.Database, TimeProvider.System).Runner().RunAsync(rebuild: false, CancellationToken.None);
            AfterMatch = await ObserveAsync();
        }

        private async Task<Decisions> ObserveAsync()
        {
            var data = (await Demo.Server.PostAsync(
                """
                query($ids: [ID!]!, $edit: ID!, $merged: ID!, $split: ID!) {
                  nodes(ids: $ids) { ... on ReviewItem { id recordA { profile { id } } recordB { profile { id } } } }
                  edit: profile(id: $edit) { attribute(name: "FirstName") { value lineage { pinned } } }
                  merged: profile(id: $merged) { id }
                  split: node(id: $split) { ... on SourceRecord { profile { id sourceRecords { id } } } }
                }
                """,
                new { ids = OpenItems.Take(5).ToArray(), edit = EditProfile, merged = MergeProfile, split = $"rec_{SplitRecord}" },
                ApiRole.Steward)).Ok().Data;
            await using var db = Demo.Database.CreateContext();
            var statuses = await db.ReviewItems.ToDictionaryAsync(r => $"rev_{r.Id}", r => (r.Status, r.ResolvedBy));
            var items = data.GetProperty("nodes").EnumerateArray().ToDictionary(
                n => n.GetProperty("id").GetString()!,
                n => (statuses[n.GetProperty("id").GetString()!].Status, statuses[n.GetProperty("id").GetString()!].ResolvedBy,
                    n.GetProperty("recordA").GetProperty("profile").GetProperty("id").GetString() == n.GetProperty("recordB").GetProperty("profile").GetProperty("id").GetString()));
            var firstName = data.GetProperty("edit").GetProperty("attribute");
            var split = data.GetProperty("split").GetProperty("profile");
            var merged = await db.Profiles.Where(p => p.Id == MergeProfile).Select(p => new { p.Status, p.MergedIntoId }).SingleAsync();
            return new Decisions(
                items,
                (firstName.GetProperty("value").GetString(), firstName.GetProperty("lineage").GetProperty("pinned").GetBoolean()),
                Guid.Parse(split.GetProperty("id").GetString()!),
                split.GetProperty("sourceRecords").GetArrayLength(),
                (merged.Status, merged.MergedIntoId),
                data.GetProperty("merged").GetProperty("id").GetString());
        }

        public Task DisposeAsync() => Demo.DisposeAsync();
    }
}

public sealed class SqliteStewardConsoleTests(StewardConsoleTests<SqliteTestDatabase>.Browser browser) : StewardConsoleTests<SqliteTestDatabase>(browser);

public sealed class PostgresStewardConsoleTests(StewardConsoleTests<PostgresTestDatabase>.Browser browser) : StewardConsoleTests<PostgresTestDatabase>(browser);

public sealed class SqlServerStewardConsoleTests(StewardConsoleTests<SqlServerTestDatabase>.Browser browser) : StewardConsoleTests<SqlServerTestDatabase>(browser);
