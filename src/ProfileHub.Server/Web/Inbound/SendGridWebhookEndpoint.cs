using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Server.Web.Inbound;

/// <summary>
/// `POST /webhooks/sendgrid/{connector}`: the URL configured as SendGrid's Event Webhook. The body is stored
/// verbatim as an <see cref="InboundPayload"/> and answered at once (SendGrid retries anything but a 2xx, for
/// up to 24 hours); <see cref="SendGridWebhookSource"/> processes it on the connector's schedule.
/// Secure by default: the connector's `verificationKey` (the Signed Event Webhook public key) must be set, and
/// then a post whose signature does not verify is 403; without one every post is 401, unless the operator set
/// `allowUnsigned: true`, which start-up then warns about. A body over `maxBodyBytes` is 413, one that is not a
/// JSON array of text 400, and neither is stored.
/// </summary>
internal static class SendGridWebhookEndpoint
{
    public const string Route = "/webhooks/sendgrid/{connector}";
    public const string VerificationKeySetting = "verificationKey";
    public const string AllowUnsignedSetting = "allowUnsigned";

    // SendGrid posts batches of at most a few hundred events, well under a megabyte; 4 MB leaves room
    // for unusually large events without letting anyone store tens of megabytes per request.
    public const int DefaultMaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointConventionBuilder MapSendGridWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, ReceiveAsync);

    /// <summary>The connector's verification key, or null when it has none.</summary>
    public static string? VerificationKey(ConnectorSettings settings) =>
        settings.GetString(VerificationKeySetting) is { Length: > 0 } key ? key : null;

    /// <summary>Whether the connector stores posts nobody signed: only without a key, and only when the operator said so.</summary>
    public static bool AcceptsUnsigned(ConnectorSettings settings) =>
        VerificationKey(settings) is null && settings.GetBool(AllowUnsignedSetting);

    private static async Task<IResult> ReceiveAsync(
        string connector, HttpRequest request, ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = await db.Connectors.AsNoTracking().SingleOrDefaultAsync(
            c => c.Name == connector && c.Kind == ConnectorKind.Email && c.Format == SendGridWebhookSource.FormatName && c.Enabled,
            cancellationToken);
        if (target is null)
        {
            return Error(StatusCodes.Status404NotFound, $"No enabled SendGrid webhook connector is named '{connector}'.");
        }

        var settings = ConnectorSettings.Parse(target.Settings);
        var key = VerificationKey(settings);
        if (key is null && !AcceptsUnsigned(settings))
        {
            return Error(StatusCodes.Status401Unauthorized,
                $"Connector '{connector}' has no {VerificationKeySetting}, so it accepts no posts. Enable SendGrid's Signed Event Webhook and set " +
                $"ProfileHub:Connectors:{connector}:Settings:{VerificationKeySetting} to its public key; or, to accept unsigned posts from anyone, " +
                $"set ProfileHub:Connectors:{connector}:Settings:{AllowUnsignedSetting} to true.");
        }

        var maxBytes = InboundRequest.MaxBodyBytes(settings, DefaultMaxBodyBytes);
        if (await InboundRequest.ReadBodyAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes (the connector's {InboundRequest.MaxBodyBytesSetting}).");
        }

        if (key is not null)
        {
            using var signature = new SendGridSignature(key);
            if (!signature.Verify(body, request.Headers[SendGridSignature.TimestampHeader], request.Headers[SendGridSignature.SignatureHeader]))
            {
                return Error(StatusCodes.Status403Forbidden, $"The post's {SendGridSignature.SignatureHeader} does not verify against the connector's {VerificationKeySetting}.");
            }
        }

        if (InboundRequest.JsonProblem(body, JsonValueKind.Array) is { } problem)
        {
            return Error(StatusCodes.Status400BadRequest, problem);
        }

        db.InboundPayloads.Add(new InboundPayload(target.Id, Encoding.UTF8.GetString(body), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok();
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
