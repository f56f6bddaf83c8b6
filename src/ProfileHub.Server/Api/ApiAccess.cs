using System.Security.Claims;
using ProfileHub.Core.Access;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Access;

namespace ProfileHub.Server.Api;

/// <summary>
/// Field-level authorization: every root field names the capability it needs (RoleCapabilities says which
/// roles have it). A refusal is a field error with code AUTH_NOT_AUTHORIZED and null data for that field;
/// the rest of the operation runs. Authentication itself (401 without a valid key) happens before execution.
/// </summary>
internal static class ApiAccess
{
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public static FieldResolver Requires(Capability capability, FieldResolver resolver) => context =>
    {
        var user = User(context);
        if (!user.Has(capability))
        {
            throw new GraphQLException(
                $"The API key '{user.Identity?.Name}' ({user.Role()?.ToString().ToLowerInvariant() ?? "no role"}) may not use {context.ParentType.Name}.{context.Field.Name}: it needs the {capability} capability.",
                NotAuthorized);
        }

        return resolver(context);
    };

    /// <summary>The audit trail's actor: the API key's name.</summary>
    public static string Actor(this ResolveContext context) => User(context).Identity?.Name ?? "anonymous";

    private static ClaimsPrincipal User(ResolveContext context) =>
        context.Services.Get<IHttpContextAccessor>().HttpContext?.User ?? new ClaimsPrincipal();
}
