using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Web.Inbound;

namespace ProfileHub.Server.Web;

/// <summary>The pages (journey, steward console) and the inbound endpoints that vendors post to (Inbound/).</summary>
internal static class WebRegistration
{
    public static void AddProfileHubWeb(this IServiceCollection services) =>
        services.AddSingleton(sp => new SegmentComWriteKeys(sp.GetRequiredService<IReadOnlyList<ConnectorDefinition>>()));

    public static void MapProfileHubWeb(this IEndpointRouteBuilder app)
    {
        app.MapSegmentComTrackingApi();
        app.MapSendGridWebhook();
        app.MapJourneyPage();
        app.MapStewardConsole();
    }
}
