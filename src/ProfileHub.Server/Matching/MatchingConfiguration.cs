using ProfileHub.Core.Matching;
using ProfileHub.Server.Hosting;

namespace ProfileHub.Server.Matching;

/// <summary>
/// `ProfileHub:Matching`: the matching engine's thresholds and limits, the properties of <see cref="MatchSettings"/>
/// by name (UpperThreshold, LowerThreshold, ConflictTolerance, MaxBlockSize, JunkIdentifierCount, DefaultPhoneRegion,
/// ...). Unset keys keep the defaults; an unknown key (a typo) or an impossible value stops start-up with the key
/// named. A change applies from the next match run on; `profilehub match --rebuild` re-decides every record.
/// </summary>
internal static class MatchingConfiguration
{
    public const string Section = "ProfileHub:Matching";

    public static MatchSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        MatchSettings settings;
        try
        {
            settings = configuration.GetSection(Section).Get<MatchSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? MatchSettings.Default;
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(Section, e.Message, e);
        }

        AtLeast(nameof(MatchSettings.MaxBlockSize), settings.MaxBlockSize, 2);
        AtLeast(nameof(MatchSettings.JunkIdentifierCount), settings.JunkIdentifierCount, 2);
        AtLeast(nameof(MatchSettings.RandomPairSamples), settings.RandomPairSamples, 1_000);
        AtLeast(nameof(MatchSettings.MaxEmIterations), settings.MaxEmIterations, 1);
        AtLeast(nameof(MatchSettings.MaxDegreeOfParallelism), settings.MaxDegreeOfParallelism, 1);
        if (settings.LowerThreshold > settings.UpperThreshold)
        {
            throw new ConfigurationException($"{Section}:{nameof(MatchSettings.LowerThreshold)}",
                $"{settings.LowerThreshold} is above UpperThreshold ({settings.UpperThreshold}): pairs between the two go to review, so the lower bound must not exceed the upper.");
        }

        if (settings.DefaultPhoneRegion is { } region && (region.Length != 2 || !region.All(char.IsAsciiLetterUpper)))
        {
            throw new ConfigurationException($"{Section}:{nameof(MatchSettings.DefaultPhoneRegion)}", $"'{region}' is not an ISO 3166 region code such as GB or US.");
        }

        return settings;
    }

    private static void AtLeast(string name, int value, int minimum)
    {
        if (value < minimum)
        {
            throw new ConfigurationException($"{Section}:{name}", $"{value} is below the minimum, {minimum}.");
        }
    }
}
