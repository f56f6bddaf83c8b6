using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProfileHub.Server.Health;

/// <summary>
/// `/health/live`: the process answers. `/health/ready`: the database is reachable and fully migrated,
/// so a load balancer or orchestrator sends traffic only to an instance that can serve it.
/// </summary>
internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static void AddProfileHubHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);

    public static void MapProfileHubHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
