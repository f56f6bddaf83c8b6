using System.Security.Cryptography;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;

namespace ProfileHub.Server.Web.Inbound;

/// <summary>
/// What `serve` says about its inbound endpoints before it listens: a body limit, verification key or write
/// key it could not use stops start-up (rather than failing each post with a 500); and every SendGrid connector
/// that accepts unsigned posts is named in a warning on each start, so that opting out is never silent.
/// </summary>
internal static partial class InboundStartup
{
    public static void CheckInboundConnectors(this IServiceProvider services, ILogger logger)
    {
        foreach (var connector in services.GetRequiredService<IReadOnlyList<ConnectorDefinition>>()
                     .Where(c => c is { Enabled: true, Kind: ConnectorKind.Email, Format: SendGridWebhookSource.FormatName }))
        {
            var settings = ConnectorSettings.Parse(connector.Settings);
            var where = $"{ConnectorDefinition.Section}:{connector.Name}:Settings";
            Check($"{where}:{InboundRequest.MaxBodyBytesSetting}", () => InboundRequest.MaxBodyBytes(settings, SendGridWebhookEndpoint.DefaultMaxBodyBytes));
            if (SendGridWebhookEndpoint.VerificationKey(settings) is { } key)
            {
                Check($"{where}:{SendGridWebhookEndpoint.VerificationKeySetting}", () => new SendGridSignature(key).Dispose());
            }
            else if (SendGridWebhookEndpoint.AcceptsUnsigned(settings))
            {
                LogAcceptsUnsigned(logger, connector.Name, SendGridWebhookEndpoint.AllowUnsignedSetting);
            }
            else
            {
                LogRefusesEveryPost(logger, connector.Name, SendGridWebhookEndpoint.VerificationKeySetting, SendGridWebhookEndpoint.AllowUnsignedSetting);
            }
        }

        // Built now so that a duplicate write key or a bad maxBodyBytes stops start-up, not the first call.
        Check(ConnectorDefinition.Section, () => services.GetRequiredService<SegmentComWriteKeys>());
    }

    private static void Check(string key, Action use)
    {
        try
        {
            use();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or CryptographicException)
        {
            throw new ConfigurationException(key, e.Message, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} accepts UNSIGNED SendGrid webhook posts from anyone ({Setting} is true and it has no verificationKey)")]
    private static partial void LogAcceptsUnsigned(ILogger logger, string connector, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} refuses every post (401) until {KeySetting} is set to SendGrid's Signed Event Webhook public key, or {OptOut} to true")]
    private static partial void LogRefusesEveryPost(ILogger logger, string connector, string keySetting, string optOut);
}
