using ProfileHub.Server.Api.Journeys;
using ProfileHub.Storage;
using ProfileHub.Storage.Providers;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api.Journeys;

/// <summary>
/// The journey statements written as SQL text have a SQL Server form, checked without a server: the window and
/// the satisfaction score come from the SQL Server provider, counts are bigint, and nothing is PostgreSQL's or
/// SQLite's. <c>SqlServerJourneyAnalyticsTests</c> runs them wherever PROFILEHUB_TEST_SQLSERVER names a server.
/// </summary>
public sealed class JourneyStatementsTests
{
    private static readonly StorageProvider SqlServer = StorageProvider.Create(new DatabaseOptions
    {
        Provider = "sqlserver",
        ConnectionString = "Server=127.0.0.1,1;Database=profilehub;User Id=profilehub;Password=unused;TrustServerCertificate=True",
    });

    [Theory]
    [InlineData(null)]
    [InlineData("loyal")]
    public void The_friction_statement_has_a_sql_server_form(string? segment)
    {
        var arguments = new SqlArguments();
        var sql = FrictionSignals.Statement(SqlServer, segment, TimeSpan.FromDays(14), arguments);

        SqlServerSyntax.AssertNoForeignSyntax(sql);
        Assert.Contains("DATEADD(second, ", sql, StringComparison.Ordinal);
        Assert.Contains("dbo.profilehub_json_number(t.metrics, 'satisfaction_score')", sql, StringComparison.Ordinal);
        Assert.Contains("CAST(COUNT(*) AS bigint)", sql, StringComparison.Ordinal);

        // The window back from each signal and the cart window forward, in seconds as DATEADD takes them.
        Assert.Contains(-14 * 24 * 3600, arguments.Values);
        Assert.Contains((int)Core.Touchpoints.Journey.CartWindow.TotalSeconds, arguments.Values);
    }

    [Fact]
    public void The_before_first_purchase_statement_is_the_same_text_on_sql_server()
    {
        var sql = JourneyAggregates.BeforeFirstPurchaseSql(null, new SqlArguments());
        SqlServerSyntax.AssertNoForeignSyntax(sql);
        Assert.DoesNotContain(" COUNT(*) AS", sql, StringComparison.Ordinal);
    }
}
