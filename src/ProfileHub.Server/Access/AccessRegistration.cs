using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ProfileHub.Core.Access;

namespace ProfileHub.Server.Access;

/// <summary>API-key authentication and one authorization policy per <see cref="Capability"/>.</summary>
internal static class AccessRegistration
{
    public static void AddProfileHubAccess(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            foreach (var capability in Enum.GetValues<Capability>().Where(c => c != Capability.None))
            {
                options.AddPolicy(capability.ToString(), policy => policy.RequireAssertion(c => c.User.Has(capability)));
            }
        });
    }

    public static ApiRole? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<ApiRole>(user.FindFirstValue(ApiKeyAuthenticationHandler.RoleClaim), out var role) ? role : null;

    public static bool Has(this ClaimsPrincipal user, Capability capability) =>
        user.Role() is { } role && role.Allows(capability);

    /// <summary>`GET /whoami`: which key a client is using and what it may do (a first call for any integration).</summary>
    public static void MapProfileHubAccess(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/whoami", (ClaimsPrincipal user) => new
        {
            name = user.Identity!.Name,
            role = user.Role()?.ToString().ToLowerInvariant(),
            capabilities = Enum.GetValues<Capability>().Where(c => c != Capability.None && user.Has(c)).Select(c => c.ToString()),
        }).RequireAuthorization();
}
