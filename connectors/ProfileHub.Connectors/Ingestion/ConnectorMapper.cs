using AutoMapper;
using Microsoft.Extensions.Logging;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// AutoMapper at the connector boundary: every <see cref="Profile"/> of this assembly maps a vendor's payload
/// types (Segment messages, SendGrid events, ...) to drafts. The licence key comes from configuration
/// (`AutoMapper:LicenseKey`); without one AutoMapper logs a warning, which is allowed for development.
/// </summary>
public sealed class ConnectorMapper
{
    public const string LicenseKeySetting = "AutoMapper:LicenseKey";

    public ConnectorMapper(string? licenseKey, ILoggerFactory loggers)
    {
        Configuration = new MapperConfiguration(config =>
        {
            if (!string.IsNullOrWhiteSpace(licenseKey))
            {
                config.LicenseKey = licenseKey;
            }

            config.AddMaps(typeof(ConnectorMapper).Assembly);
        }, loggers);
        Mapper = Configuration.CreateMapper();
    }

    public MapperConfiguration Configuration { get; }

    public IMapper Mapper { get; }
}
