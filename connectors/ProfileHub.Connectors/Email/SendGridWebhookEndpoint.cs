using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// `POST /webhooks/sendgrid/{connector}`: the URL configured as SendGrid's Event Webhook. The body is stored
/// verbatim as an <see cref="InboundPayload"/> and answered at once (SendGrid retries anything but a 2xx, for
/// up to 24 hours); <see cref="SendGridWebhookSource"/> processes it on the connector's schedule. When the
/// connector's `verificationKey` setting holds the Signed Event Webhook public key, unsigned or mis-signed
/// posts are refused with 403.
/// </summary>
internal static class SendGridWebhookEndpoint
{
    public const string Route = "/webhooks/sendgrid/{connector}";

    public static IEndpointConventionBuilder MapSendGridWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(
        string connector, HttpRequest request, ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = await db.Connectors.AsNoTracking().SingleOrDefaultAsync(
            c => c.Name == connector && c.Kind == ConnectorKind.Email && c.Format == SendGridWebhookSource.FormatName && c.Enabled,
            cancellationToken);
        if (target is null)
        {
            return Results.NotFound($"No enabled SendGrid webhook connector is named '{connector}'.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        if (ConnectorSettings.Parse(target.Settings).GetString("verificationKey") is { Length: > 0 } key)
        {
            using var signature = new SendGridSignature(key);
            if (!signature.Verify(body, request.Headers[SendGridSignature.TimestampHeader], request.Headers[SendGridSignature.SignatureHeader]))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        db.InboundPayloads.Add(new InboundPayload(target.Id, Encoding.UTF8.GetString(body), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok();
    }
}
