using System.Security.Claims;
using ProfileHub.Core.Access;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Access;

namespace ProfileHub.Server.Api;

/// <summary>
/// The refusal every field check gives (<see cref="FieldAccess"/>): a field error with code AUTH_NOT_AUTHORIZED
/// and null data for that field; the rest of the operation runs. Authentication itself (401 without a valid
/// key) happens before execution.
/// </summary>
internal static class ApiAccess
{
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>Where the caller's capabilities are kept for the rest of the request (a list of profiles checks them per field).</summary>
    private const string CapabilitiesItem = "profilehub.capabilities";

    /// <summary>What the request's API key may do (RoleCapabilities), read once per request.</summary>
    public static Capability Capabilities(ResolveContext context)
    {
        if (context.Items.TryGetValue(CapabilitiesItem, out var known) && known is Capability capabilities)
        {
            return capabilities;
        }

        capabilities = User(context).Role() is { } role ? RoleCapabilities.Of(role) : Capability.None;
        context.Items[CapabilitiesItem] = capabilities;
        return capabilities;
    }

    public static GraphQLException Refusal(ResolveContext context, string requirement)
    {
        var user = User(context);
        return new GraphQLException(
            $"The API key '{user.Identity?.Name}' ({user.Role()?.ToString().ToLowerInvariant() ?? "no role"}) may not read {context.ParentType.Name}.{context.Field.Name}: it needs {requirement}.",
            NotAuthorized);
    }

    /// <summary>The audit trail's actor: the API key's name.</summary>
    public static string Actor(this ResolveContext context) => User(context).Identity?.Name ?? "anonymous";

    private static ClaimsPrincipal User(ResolveContext context) =>
        context.Services.Get<IHttpContextAccessor>().HttpContext?.User ?? new ClaimsPrincipal();
}
