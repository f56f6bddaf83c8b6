using System.Globalization;
using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Web;

/// <summary>
/// The /journey page in a real browser (Debian's Chromium, headless) against the real server over the
/// <see cref="JourneyScenario"/>: the numbers drawn are the ones worked out by hand for that scenario.
/// </summary>
public sealed class JourneyPageTests(JourneyPageTests.Browser browser) : IClassFixture<JourneyPageTests.Browser>
{
    private JsonElement Page => browser.Page;

    [Fact]
    public void The_page_asks_for_the_key_once_and_keeps_it_for_the_session()
    {
        Assert.Equal(200, Page.GetProperty("status").GetInt32());
        Assert.True(Page.GetProperty("keyAskedFirst").GetBoolean());
        Assert.False(Page.GetProperty("keyAskedAfterReload").GetBoolean());
        Assert.Equal(browser.Journeys.Server.KeyFor(ApiRole.Marketing), Page.GetProperty("storedKey").GetString());
        Assert.Empty(Page.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void The_funnel_draws_profiles_then_those_with_touchpoints_before_a_purchase_then_purchasers()
    {
        var steps = Page.GetProperty("first").GetProperty("funnel").EnumerateArray().ToList();

        Assert.Equal(
            [("Profiles", "5"), ("With touchpoints before a purchase", "3"), ("Purchasers", "3")],
            steps.Select(s => (s.GetProperty("label").GetString(), s.GetProperty("text").GetString())));
        // Bars are proportional: 3 of 5 profiles is 60% of the widest bar.
        Assert.Equal(0.6, steps[1].GetProperty("width").GetDouble() / steps[0].GetProperty("width").GetDouble(), 6);
        Assert.Equal(0.6, steps[2].GetProperty("width").GetDouble() / steps[0].GetProperty("width").GetDouble(), 6);
    }

    [Fact]
    public void The_histogram_has_a_bar_per_count_up_to_the_largest_with_the_average_and_median()
    {
        var first = Page.GetProperty("first");
        var bars = first.GetProperty("histogram").EnumerateArray()
            .Select(b => (b.GetProperty("bucket").GetInt32(), b.GetProperty("count").GetInt32(), b.GetProperty("height").GetDouble())).ToList();

        // Cara bought at once; Alice and Ben after three touchpoints; nobody after one or two.
        Assert.Equal([(0, 1, 80.0), (1, 0, 0.0), (2, 0, 0.0), (3, 2, 160.0)], bars);
        Assert.StartsWith("Average 2.0, median 3 ", first.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_friction_table_lists_touchpoints_by_lift_with_rates_against_the_base_rate()
    {
        var rows = Rows(Page.GetProperty("first").GetProperty("friction"));

        Assert.Equal(10, rows.Count);
        Assert.Equal(["open", "Email", "3", "3", "100.0%", "44.4%", "2.25"], rows[0]);
        Assert.Equal(["open", "ad_click", "click", "order_completed", "store_purchase", "page_view", "checkout_started", "satisfaction_rated", "spamreport", "unsubscribe"], rows.Select(r => r[0]));
        Assert.Equal(["page_view", "Web", "3", "1", "33.3%", "44.4%", "0.75"], rows[5]);
        Assert.Equal(["unsubscribe", "Email", "1", "0", "0.0%", "44.4%", "0.00"], rows[9]);
        // The base rate is one number for all rows: a phone shows it only here, without the column.
        Assert.Equal("Base rate: 44.4% of all touchpoints are followed by friction within the window.", Page.GetProperty("first").GetProperty("frictionCaption").GetString());
    }

    [Fact]
    public void Choosing_a_seven_day_window_redraws_the_friction_table()
    {
        var week = Page.GetProperty("week");
        var followed = Rows(week.GetProperty("friction")).Where(r => r[3] != "0").ToDictionary(r => r[0], r => r[3]);

        Assert.Equal("7", week.GetProperty("window").GetString());
        Assert.Equal(new Dictionary<string, string> { ["open"] = "2", ["click"] = "1", ["store_purchase"] = "1" }, followed);
    }

    [Fact]
    public void The_channel_table_shares_first_purchases_among_the_channels_before_them_and_names_the_rest()
    {
        var first = Page.GetProperty("first");

        // Cara bought with nothing before: her purchase is credited to no channel, and says so.
        Assert.Equal(
            [["Web", "1.33", "44.4%"], ["Email", "0.33", "11.1%"], ["Ads", "0.33", "11.1%"], ["No touchpoint before it", "1.00", "33.3%"]],
            Rows(first.GetProperty("channels")));
        Assert.Equal([["All first purchases", "3.00", "100.0%"]], Rows(first.GetProperty("channelsTotal")));
        Assert.Contains("Shares are of all first purchases", first.GetProperty("channelsCaption").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(420)]
    public void At_desktop_and_phone_widths_nothing_scrolls_sideways_and_no_chart_text_is_cut_off(int width)
    {
        var seen = browser.Layout.EnumerateArray().Single(l => l.GetProperty("width").GetInt32() == width);

        Assert.Empty(seen.GetProperty("problems").EnumerateArray());
        Assert.True(seen.GetProperty("scrollWidth").GetInt32() <= seen.GetProperty("innerWidth").GetInt32(), seen.ToString());
        // 5,643 profiles: the widest bar's value is the longest label, the one that used to lose its last digit.
        Assert.Equal(["5,643", "3", "3"], seen.GetProperty("funnel").EnumerateArray().Select(v => v.GetString()));
        foreach (var chart in seen.GetProperty("charts").EnumerateArray())
        {
            Assert.True(chart.GetProperty("texts").GetInt32() > 0, chart.ToString());
            Assert.True(chart.GetProperty("width").GetDouble() <= width, chart.ToString());
            Assert.Empty(chart.GetProperty("outside").EnumerateArray());
        }

        foreach (var table in seen.GetProperty("tables").EnumerateArray())
        {
            Assert.True(table.GetProperty("width").GetInt32() <= table.GetProperty("box").GetInt32(), table.ToString());
        }

        var shares = Rows(seen.GetProperty("channels")).Sum(r => double.Parse(r[2].TrimEnd('%'), CultureInfo.InvariantCulture));
        Assert.Equal(100.0, shares, 0.15);
        Assert.Equal([["All first purchases", "3.00", "100.0%"]], Rows(seen.GetProperty("channelsTotal")));

        var screenshot = File.ReadAllBytes(seen.GetProperty("screenshot").GetString()!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, screenshot[..4]);
    }

    private static List<List<string>> Rows(JsonElement table) =>
        [.. table.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList())];

    /// <summary>
    /// The scenario served once, and the page driven once, for the whole class (a browser run takes seconds);
    /// then, with enough profiles added for a four-digit funnel top, once more at a desktop and a phone width.
    /// The screenshots stay in screenshots/ beside the test binaries, for a person to look at.
    /// </summary>
    public sealed class Browser : IAsyncLifetime
    {
        public const int Profiles = 5_643;

        public JourneyFixture<SqliteTestDatabase> Journeys { get; } = new();

        public JsonElement Page { get; private set; }

        public JsonElement Layout { get; private set; }

        public async Task InitializeAsync()
        {
            await Journeys.InitializeAsync();
            var (url, key) = (Journeys.Server.BaseAddress.ToString(), Journeys.Server.KeyFor(ApiRole.Marketing));
            Page = await BrowserScript.RunAsync("journey.mjs", url, key);

            await AddProfilesWithoutJourneysAsync(Profiles - 5);
            var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
            Layout = await BrowserScript.RunAsync("journey-layout.mjs", url, key, screenshots);
        }

        private async Task AddProfilesWithoutJourneysAsync(int count)
        {
            await using var db = Journeys.Database.CreateContext();
            db.Profiles.AddRange(Enumerable.Range(0, count).Select(_ => new GoldenProfile(Guid.CreateVersion7(JourneyScenario.Start), JourneyScenario.Start)));
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync() => Journeys.DisposeAsync();
    }
}
