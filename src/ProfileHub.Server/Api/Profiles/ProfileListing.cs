using System.Linq.Expressions;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Server.Matching;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// <c>profiles(where, order, ...)</c>: the filter and sort fields over active profiles. Names, primary email,
/// city, country and birth date are indexed columns of the profile row; identifier, consent and source filters
/// are EXISTS subqueries over the member records. Identifier values are normalized as ingestion does.
/// Keyset order: the chosen sort fields, then the id (time-ordered UUIDs: by creation when nothing is chosen).
/// </summary>
internal static class ProfileListing
{
    private static readonly Dictionary<string, LambdaExpression> SortColumns = new(StringComparer.Ordinal)
    {
        ["givenName"] = (Expression<Func<GoldenProfile, string?>>)(p => p.GivenName),
        ["familyName"] = (Expression<Func<GoldenProfile, string?>>)(p => p.FamilyName),
        ["email"] = (Expression<Func<GoldenProfile, string?>>)(p => p.PrimaryEmail),
        ["city"] = (Expression<Func<GoldenProfile, string?>>)(p => p.City),
        ["country"] = (Expression<Func<GoldenProfile, string?>>)(p => p.Country),
        ["birthDate"] = (Expression<Func<GoldenProfile, DateOnly?>>)(p => p.BirthDate),
        ["createdAt"] = (Expression<Func<GoldenProfile, DateTimeOffset>>)(p => p.CreatedAt),
        ["updatedAt"] = (Expression<Func<GoldenProfile, DateTimeOffset>>)(p => p.UpdatedAt),
    };

    public static void Declare(SchemaBuilder schema) => schema
        .FilterInput("Profile", f => f
            .Text("givenName").Text("familyName").Text("city").Text("country")
            .Text("email", "Any email of any member record (not only the primary one).")
            .Text("phone", "Any phone of any member record, E.164.")
            .Text("loyaltyId").Text("externalId").Text("socialHandle")
            .Text("source", "Has a record from this connector.")
            .Comparable("birthDate", "Date").Comparable("createdAt", "DateTime").Comparable("updatedAt", "DateTime")
            .Boolean("hasConflicts", "Equally trusted sources disagree on an attribute (see conflicts).")
            .Nested("consent", "ProfileConsent", "The current consent per channel (the latest statement of any member record)."))
        .FilterInput("ProfileConsent", f => f
            .Enum("email", "ConsentStatus").Enum("sms", "ConsentStatus").Enum("phone", "ConsentStatus").Enum("mail", "ConsentStatus").Enum("ads", "ConsentStatus"))
        .SortInput("Profile", [.. SortColumns.Keys]);

    public static FilterTranslator<GoldenProfile> Filter(ProfileHubDbContext db)
    {
        var filter = new FilterTranslator<GoldenProfile>()
            .Column("givenName", p => p.GivenName)
            .Column("familyName", p => p.FamilyName)
            .Column("city", p => p.City)
            .Column("country", p => p.Country)
            .Column("birthDate", p => p.BirthDate)
            .Column("createdAt", p => p.CreatedAt)
            .Column("updatedAt", p => p.UpdatedAt)
            .Custom("hasConflicts", f =>
            {
                Expression<Func<GoldenProfile, bool>> has = p => db.ProfileAttributes.Any(a => a.ProfileId == p.Id && a.Rule == ProfileSurvivorship.ConflictRule);
                return Expression.Lambda<Func<GoldenProfile, bool>>(FilterTranslator<GoldenProfile>.Apply(has.Body, f.Operator, f.Value), has.Parameters);
            })
            .Custom("source", f =>
            {
                Expression<Func<GoldenProfile, IQueryable<string>>> sources = p => db.Memberships.Where(m => m.ProfileId == p.Id)
                    .Join(db.SourceRecords, m => m.RecordId, r => r.Id, (m, r) => r.ConnectorId)
                    .Join(db.Connectors, id => id, c => c.Id, (id, c) => c.Name);
                return Exists(sources, name => name, f);
            });
        foreach (var (field, kind) in new[]
        {
            ("email", IdentifierKind.Email), ("phone", IdentifierKind.Phone), ("loyaltyId", IdentifierKind.LoyaltyId),
            ("externalId", IdentifierKind.ExternalId), ("socialHandle", IdentifierKind.SocialHandle),
        })
        {
            filter.Custom(field, f =>
            {
                Expression<Func<GoldenProfile, IQueryable<string>>> values = p => db.Memberships.Where(m => m.ProfileId == p.Id)
                    .Join(db.RecordIdentifiers.Where(i => i.Kind == kind), m => m.RecordId, i => i.RecordId, (m, i) => i.NormalizedValue);
                var exact = f.Operator is FilterOperator.Equal or FilterOperator.NotEqual or FilterOperator.In or FilterOperator.NotIn;
                return Exists(values, v => v, exact ? f with { Value = NormalizeOperand(kind, f.Value) } : f);
            });
        }

        foreach (var channel in Enum.GetValues<ConsentChannel>())
        {
            filter.Custom("consent." + channel.ToString().ToLowerInvariant(), f =>
            {
                Expression<Func<GoldenProfile, ConsentStatus?>> current = p => db.Memberships.Where(m => m.ProfileId == p.Id)
                    .Join(db.Consents.Where(c => c.Channel == channel), m => m.RecordId, c => c.RecordId, (m, c) => c)
                    .OrderByDescending(c => c.ObservedAt).ThenByDescending(c => c.Id)
                    .Select(c => (ConsentStatus?)c.Status)
                    .FirstOrDefault();
                return Expression.Lambda<Func<GoldenProfile, bool>>(FilterTranslator<GoldenProfile>.Apply(current.Body, f.Operator, f.Value), current.Parameters);
            });
        }

        return filter;
    }

    public static Keyset<GoldenProfile> Order(IReadOnlyList<SortField> order) =>
        new([.. order.Select(s => new KeysetKey<GoldenProfile>(SortColumns[s.Field], s.Direction)), KeysetKey<GoldenProfile>.Of(p => p.Id, SortDirection.Ascending)]);

    /// <summary>
    /// A related value passes the filter. A negative operator (neq, nin) means "no related value is", so
    /// <c>email: { neq: "a@b.c" }</c> keeps profiles without that email rather than those with any other.
    /// </summary>
    private static Expression<Func<GoldenProfile, bool>> Exists<TRow>(
        Expression<Func<GoldenProfile, IQueryable<TRow>>> related, Expression<Func<TRow, string>> value, FieldFilter filter)
    {
        var negative = filter.Operator is FilterOperator.NotEqual or FilterOperator.NotIn;
        var positive = filter.Operator switch
        {
            FilterOperator.NotEqual => FilterOperator.Equal,
            FilterOperator.NotIn => FilterOperator.In,
            _ => filter.Operator,
        };
        var test = Expression.Lambda<Func<TRow, bool>>(FilterTranslator<GoldenProfile>.Apply(value.Body, positive, filter.Value), value.Parameters);
        Expression any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(TRow)], related.Body, Expression.Quote(test));
        return Expression.Lambda<Func<GoldenProfile, bool>>(negative ? Expression.Not(any) : any, related.Parameters);
    }

    private static object? NormalizeOperand(IdentifierKind kind, object? value) => value switch
    {
        string text => IdentifierLookup.Normalize(kind, text),
        IEnumerable<object?> items => items.Select(item => NormalizeOperand(kind, item)).ToList(),
        _ => value,
    };
}
