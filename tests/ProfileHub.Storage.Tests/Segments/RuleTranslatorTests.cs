using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Segments;

/// <summary>
/// Every construct of the segment language evaluated by the database (both providers), over four people:
/// ann buys often, ben browses and has never bought, cat is a gold loyalty member with a bad support rating,
/// dan has no touchpoints at all.
/// </summary>
public abstract class RuleTranslatorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly SegmentData _data = new(database, Now);

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await _data.PersonAsync("ann", "GB", ConsentStatus.Granted);
        await _data.PersonAsync("ben", "FR", ConsentStatus.Unsubscribed);
        await _data.PersonAsync("cat", "GB", ConsentStatus.Bounced);
        await _data.PersonAsync("dan", "GB");

        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 10, count: 4, amount: 25m);
        await _data.TouchAsync("ann", TouchpointChannel.Web, "page_view", 5, count: 2);
        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 200, amount: 10m);

        await _data.TouchAsync("ben", TouchpointChannel.Web, "page_view", 3, count: 12);
        await _data.TouchAsync("ben", TouchpointChannel.Email, "open", 10);

        await _data.TouchAsync("cat", TouchpointChannel.Web, "order_completed", 120, amount: 80m);
        await _data.TouchAsync("cat", TouchpointChannel.Email, "click", 5);
        await _data.TouchAsync("cat", TouchpointChannel.Loyalty, "tier_changed", 300, metrics: """{"points_balance":100}""", properties: """{"tier":"silver"}""");
        await _data.TouchAsync("cat", TouchpointChannel.Loyalty, "tier_changed", 30, metrics: """{"points_balance":800}""", properties: """{"tier":"gold"}""");
        await _data.TouchAsync("cat", TouchpointChannel.Support, "satisfaction_rated", 20, metrics: """{"satisfaction_score":0}""");
        await _data.TouchAsync("ann", TouchpointChannel.Support, "satisfaction_rated", 20, metrics: """{"satisfaction_score":1}""");
        await _data.FoldAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("purchases(last 90 days) >= 3 and page_views(last 30 days) < 5", "ann")]
    [InlineData("purchases(last 90 days) = 0 and page_views(last 30 days) >= 10", "ben")]
    [InlineData("purchases(last 365 days) > 4", "ann")]
    [InlineData("purchases(last 365 days) = 1", "cat")]
    [InlineData("page_views(last 30 days) < 5", "ann,cat,dan")]
    [InlineData("email.opened(last 30 days) or email.clicked(last 30 days)", "ben,cat")]
    [InlineData("email.clicked(last 3 days)", "")]
    [InlineData("touchpoints >= 8 and purchases = 0", "ben")]
    [InlineData("purchases = 0", "ben,dan")]
    [InlineData("loyalty.tier = \"gold\" and loyalty.points >= 500", "cat")]
    [InlineData("loyalty.tier != \"gold\"", "")]
    [InlineData("country != \"FR\"", "ann,cat,dan")]
    [InlineData("support.poor_rating(last 90 days) > 0", "cat")]
    [InlineData("support.poor_rating(last 10 days) > 0", "")]
    [InlineData("count(channel = web and stage = before and controllable and not proactive, last 14 days) >= 2", "ann,ben")]
    [InlineData("count(channel = email and proactive, last 30 days)", "ben,cat")]
    [InlineData("count(type = \"satisfaction_rated\" or stage = during, last 30 days) = 1", "cat")]
    [InlineData("count(online = false, last 365 days) = 0", "ann,ben,cat,dan")]
    [InlineData("country = \"GB\" and consent.email = granted", "ann")]
    [InlineData("consent.email != granted", "ben,cat,dan")]
    [InlineData("consent.email = bounced or consent.email = unsubscribed", "ben,cat")]
    [InlineData("not country = \"GB\"", "ben")]
    [InlineData("last_purchase < 100 days ago", "cat")]
    [InlineData("first_purchase < 150 days ago", "ann")]
    [InlineData("first_purchase < 100 days ago", "ann,cat")]
    [InlineData("revenue >= 100 and email.clicks = 0", "ann")]
    [InlineData("email.opens = 1 or email.last_click >= 6 days ago", "ben,cat")]
    [InlineData("last_contact >= 4 days ago", "ben")]
    [InlineData("touchpoints_before_first_purchase = 0", "ann")]
    [InlineData("touchpoints_before_first_purchase = 1", "cat")]
    public async Task The_database_selects_the_rule_members(string rule, string expected)
    {
        var members = await _data.MembersAsync(rule);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), members);
    }
}

public sealed class SqliteRuleTranslatorTests(SqliteTestDatabase database) : RuleTranslatorTests<SqliteTestDatabase>(database);

public sealed class PostgresRuleTranslatorTests(PostgresTestDatabase database) : RuleTranslatorTests<PostgresTestDatabase>(database);

public sealed class SqlServerRuleTranslatorTests(SqlServerTestDatabase database) : RuleTranslatorTests<SqlServerTestDatabase>(database);
