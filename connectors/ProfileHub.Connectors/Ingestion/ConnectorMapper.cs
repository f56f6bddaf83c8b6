using AutoMapper;
using Microsoft.Extensions.Logging;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// AutoMapper at the connector boundary: every <see cref="Profile"/> of this assembly maps a vendor's payload
/// types (Segment messages, SendGrid events, ...) to drafts. The licence key comes from configuration
/// (<see cref="LicenseKeySetting"/>). With a key, AutoMapper validates it and reports what it found; without one,
/// its own warning (repeated by every process, so by every CLI verb) is replaced by one informational line of
/// ours: running without a key is allowed for development and testing.
/// </summary>
public sealed partial class ConnectorMapper
{
    public const string LicenseKeySetting = "ProfileHub:AutoMapper:LicenseKey";

    /// <summary>The logger category AutoMapper reports its licence check under.</summary>
    internal const string LicenseCategory = "LuckyPennySoftware.AutoMapper.License";

    public ConnectorMapper(string? licenseKey, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var licensed = !string.IsNullOrWhiteSpace(licenseKey);
        Configuration = new MapperConfiguration(config =>
        {
            if (licensed)
            {
                config.LicenseKey = licenseKey;
            }

            config.AddMaps(typeof(ConnectorMapper).Assembly);
        }, licensed ? loggers : new WithoutLicenseCheckLogs(loggers));
        Mapper = Configuration.CreateMapper();
        if (!licensed)
        {
            LogUnlicensed(loggers.CreateLogger<ConnectorMapper>(), LicenseKeySetting);
        }
    }

    public MapperConfiguration Configuration { get; }

    public IMapper Mapper { get; }

    [LoggerMessage(Level = LogLevel.Information, Message = "AutoMapper runs without a licence key: allowed for development and testing; production needs one ({Setting})")]
    private static partial void LogUnlicensed(ILogger logger, string setting);

    /// <summary>The host's loggers, less AutoMapper's licence check (the host owns and disposes them).</summary>
    private sealed class WithoutLicenseCheckLogs(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName == LicenseCategory ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance : inner.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose()
        {
        }
    }
}
