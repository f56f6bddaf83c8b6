using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Access;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Stewardship;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Privacy;

/// <summary>
/// The audit of personal-data reads (issue 17): which API key read personal data of which profile, through
/// which root field, when. Every field declared personal (<see cref="FieldAccess"/>) that a key is allowed to
/// read notes the profile it belongs to (<see cref="Note(ResolveContext)"/>), so the audit covers every path
/// the authorization covers: profile, profileByIdentifier, node(s), profiles, searchProfiles, conflictQueue,
/// reviewQueue pairs, previewMerge, audience members' contact points and names, a mutation's returned
/// profile; <c>subjectAccess</c>, one JSON scalar, notes its profiles itself. The notes of one request are
/// kept in memory (one row per root field and profile) and written by <see cref="Use"/> in ONE insert once
/// the operation has run and before its response starts: the cost is one round trip per request that read
/// personal data, none for the others, and no response leaves without its audit (a failed insert fails the
/// request). The Server-Timing header is written just before, so it counts the operation's own commands.
/// </summary>
internal sealed class ReadAudit
{
    private const string Item = "profilehub.read-audit";

    private readonly Dictionary<string, string> _rootFields = new(StringComparer.Ordinal);
    private readonly HashSet<(string Root, Guid Profile)> _reads = [];

    /// <summary>
    /// Collects the reads of one /graphql request and writes them when its response starts. Registered before
    /// <see cref="Storage.SqlCommandCount.Use"/>: response-starting callbacks run last-registered first, so the
    /// command count is taken before this insert.
    /// </summary>
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var audit = new ReadAudit();
        context.Items[Item] = audit;
        context.Response.OnStarting(() => audit.WriteAsync(context, context.RequestAborted));
        await next(context);
    });

    /// <summary>
    /// Notes that the field being resolved returns personal data of its parent's profile; on a root field,
    /// remembers the field's name for its response key (an alias must not hide which field was read).
    /// </summary>
    public static void Note(ResolveContext context)
    {
        if (Of(context) is not { } audit)
        {
            return;
        }

        if (context.Path.Parent is null)
        {
            audit.Root(context.Path.Key!, context.Field.Name);
            return;
        }

        switch (context.Parent)
        {
            case GoldenProfile profile:
                audit.Add(context, profile.Id);
                break;
            case RecordView { ProfileId: { } profile }:
                audit.Add(context, profile);
                break;
            case AudienceMember member:
                audit.Add(context, member.ProfileId);
                break;
            case ProfileMembership link:
                audit.Add(context, link.ProfileId);
                break;
            case MergePreview preview:
                Note(context, [preview.SurvivorId, .. preview.Absorbed]);
                break;
        }
    }

    /// <summary>Notes reads of these profiles by the root field being resolved (a field whose value is one document, such as subjectAccess).</summary>
    public static void Note(ResolveContext context, IEnumerable<Guid> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (Of(context) is { } audit)
        {
            foreach (var profile in profiles)
            {
                audit.Add(context, profile);
            }
        }
    }

    private static ReadAudit? Of(ResolveContext context) =>
        context.Services.Get<IHttpContextAccessor>().HttpContext?.Items.TryGetValue(Item, out var audit) == true ? audit as ReadAudit : null;

    private void Root(string key, string field)
    {
        lock (_reads)
        {
            _rootFields[key] = field;
        }
    }

    private void Add(ResolveContext context, Guid profile)
    {
        var path = context.Path;
        while (path.Parent is not null)
        {
            path = path.Parent;
        }

        lock (_reads)
        {
            _reads.Add((_rootFields.GetValueOrDefault(path.Key!, path.Key!), profile));
        }
    }

    private async Task WriteAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (_reads.Count == 0 || KeyOf(http.User) is not { } key)
        {
            return;
        }

        var services = http.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<ProfileHubDbContext>>().CreateDbContextAsync(cancellationToken);
        db.PersonalDataReads.AddRange(_reads.Select(r => new PersonalDataRead(key.Id, key.Name, r.Root, r.Profile, now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (int Id, string Name)? KeyOf(ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } id && user.Identity?.Name is { } name
            ? (int.Parse(id, CultureInfo.InvariantCulture), name)
            : null;
}
