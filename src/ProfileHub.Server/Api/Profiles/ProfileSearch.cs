using System.Linq.Expressions;
using FuzzySharp;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// <c>searchProfiles</c>: an email or phone finds its holders exactly; other text finds candidates whose given
/// name, family name or primary email starts with the first three letters of any word of the query (so
/// "Jon Smtih" still reaches Jonathan Smith through "jon"), then ranks them: each word of the query scores its
/// best FuzzySharp ratio against the profile's words (names, email and its local part, city), and the score
/// is the mean. A typo within the first three letters of every word is not found.
/// </summary>
internal static class ProfileSearch
{
    public const int MaxResults = 50;
    private const int Candidates = 1_000;
    private const int PrefixLength = 3;

    public static async Task<IReadOnlyList<ProfileSearchMatch>> SearchAsync(ResolveContext context, string query, int first)
    {
        var text = query.Trim();
        if (text.Length == 0 || first is < 1 or > MaxResults)
        {
            throw new GraphQLException($"Search needs a non-empty query and first between 1 and {MaxResults}.", ErrorCodes.BadUserInput);
        }

        var candidates = await ProfileLoaders.Fetch(context, db => CandidatesOf(db, text).Take(Candidates).ToListAsync(context.CancellationToken));
        var words = Words(text);
        return [.. candidates
            .Select(p => new ProfileSearchMatch(Score(words, p), p))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Profile.Id)
            .Take(first)];
    }

    private static IQueryable<GoldenProfile> CandidatesOf(ProfileHubDbContext db, string text)
    {
        var active = db.Profiles.AsNoTracking().Where(p => p.Status == ProfileStatus.Active);
        if (IdentifierNormalizer.Email(text) is { } email)
        {
            return active.Where(p => db.Memberships.Any(m => m.ProfileId == p.Id
                && db.RecordIdentifiers.Any(i => i.RecordId == m.RecordId && i.Kind == IdentifierKind.Email && i.NormalizedValue == email)));
        }

        if (text.Count(char.IsAsciiDigit) >= 7 && IdentifierNormalizer.Phone(text, null) is { } phone)
        {
            return active.Where(p => db.Memberships.Any(m => m.ProfileId == p.Id
                && db.RecordIdentifiers.Any(i => i.RecordId == m.RecordId && i.Kind == IdentifierKind.Phone && i.NormalizedValue == phone)));
        }

        var prefixes = Words(text)
            .Select(word => word.Length > PrefixLength ? word[..PrefixLength] : word)
            .Distinct()
            .ToList();
        Expression<Func<GoldenProfile, bool>>? any = null;
        foreach (var prefix in prefixes)
        {
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() and StartsWith(string) to SQL; the culture overloads are not translatable.
            Expression<Func<GoldenProfile, bool>> starts = p =>
                p.GivenName!.ToLower().StartsWith(prefix) || p.FamilyName!.ToLower().StartsWith(prefix) || p.PrimaryEmail!.StartsWith(prefix);
#pragma warning restore CA1304, CA1311, CA1862
            any = QueryExpressions.Or(any, starts);
        }

        return any is null ? active.Where(p => false) : active.Where(any);
    }

    private static int Score(List<string> query, GoldenProfile profile)
    {
        var words = new[] { profile.GivenName, profile.FamilyName, profile.PrimaryEmail, profile.PrimaryEmail?.Split('@')[0], profile.City }
            .Where(w => w is not null)
            .SelectMany(w => Words(w!).Append(w!.ToLowerInvariant()))
            .Distinct()
            .ToList();
        return words.Count == 0 ? 0 : (int)Math.Round(query.Average(q => words.Max(w => Fuzz.Ratio(q, w))));
    }

    private static List<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', ',', '.', '-', '\'', '@'], StringSplitOptions.RemoveEmptyEntries).Distinct()];
}
