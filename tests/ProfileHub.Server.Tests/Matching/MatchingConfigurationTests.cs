using Microsoft.Extensions.Configuration;
using ProfileHub.Core.Matching;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Matching;

namespace ProfileHub.Server.Tests.Matching;

public sealed class MatchingConfigurationTests
{
    private static MatchSettings Read(params (string Key, string Value)[] settings) =>
        MatchingConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"ProfileHub:Matching:{s.Key}", s.Value)))
            .Build());

    [Fact]
    public void Without_the_section_the_defaults_apply() => Assert.Equal(MatchSettings.Default, Read());

    [Fact]
    public void Set_keys_replace_their_defaults_and_only_those()
    {
        var settings = Read(("UpperThreshold", "3.5"), ("LowerThreshold", "-1"), ("MaxBlockSize", "250"), ("DefaultPhoneRegion", "GB"));
        Assert.Equal(MatchSettings.Default with { UpperThreshold = 3.5, LowerThreshold = -1, MaxBlockSize = 250, DefaultPhoneRegion = "GB" }, settings);
    }

    [Theory]
    [InlineData("LowerThreshold", "1", "ProfileHub:Matching:LowerThreshold")]
    [InlineData("MaxBlockSize", "1", "ProfileHub:Matching:MaxBlockSize")]
    [InlineData("MaxDegreeOfParallelism", "0", "ProfileHub:Matching:MaxDegreeOfParallelism")]
    [InlineData("DefaultPhoneRegion", "gb", "ProfileHub:Matching:DefaultPhoneRegion")]
    [InlineData("UpperTreshold", "2", "ProfileHub:Matching")]
    [InlineData("UpperThreshold", "high", "ProfileHub:Matching")]
    public void An_unknown_key_or_an_impossible_value_names_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read((key, value)));
        Assert.Equal(named, error.Key);
        Assert.StartsWith(named + ": ", error.Message, StringComparison.Ordinal);
    }
}
