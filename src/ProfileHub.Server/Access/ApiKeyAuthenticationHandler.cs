using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProfileHub.Core.Access;
using ProfileHub.Storage;

namespace ProfileHub.Server.Access;

/// <summary>
/// Authenticates `Authorization: Bearer phk_...` against the stored key hashes, on every request: keys are
/// revoked by another process (`profilehub apikey revoke`) or another server of the cluster, so no cache in
/// this one could learn of it in time, and the README promises 401 from the next request on. The lookup is
/// one point query on the unique hash index through a pooled context. Measured on the 2-core dev machine,
/// sequential requests on one connection: /whoami took 0.2 ms more than /health/live on SQLite and 0.65 ms
/// more on PostgreSQL over loopback; should that ever matter, invalidate a cache by PostgreSQL NOTIFY rather
/// than by time.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<ProfileHubDbContext> contexts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string RoleClaim = "profilehub:role";

    /// <summary>The key's id, for the audit of personal-data reads (PersonalDataRead).</summary>
    public const string KeyIdClaim = "profilehub:key-id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <API key>'.");
        }

        var hash = ApiKey.HashOf(header["Bearer ".Length..].Trim());
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Role })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(RoleClaim, key.Role.ToString()), new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
