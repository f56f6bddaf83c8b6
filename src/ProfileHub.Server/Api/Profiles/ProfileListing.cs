using System.Linq.Expressions;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Survivorship;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Querying;
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
            .Text("segment", "Currently a member of the segment of this name (as of its last refresh).")
            .Nested("consent", "ProfileConsent", "The current consent per channel (the latest statement of any member record).")
            .Nested("traits", "ProfileTraits", "Computed traits (a profile whose traits were never computed matches no trait condition)."))
        .FilterInput("ProfileTraits", f => f
            .Comparable("purchaseCount", "Int").Comparable("revenue", "Float").Comparable("lastPurchaseAt", "DateTime")
            .Comparable("touchpointCount", "Int").Comparable("touchpointsBeforeFirstPurchase", "Int").Comparable("lastContactAt", "DateTime")
            .Text("loyaltyTier").Comparable("loyaltyPoints", "Float"))
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
                var has = HasConflicts(db);
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

        filter.Custom("segment", f =>
        {
            Expression<Func<GoldenProfile, IQueryable<string>>> segments = p => db.SegmentMemberships.Where(m => m.ProfileId == p.Id && m.ExitedAt == null)
                .Join(db.Segments, m => m.SegmentId, s => s.Id, (m, s) => s.Name);
            return Exists(segments, name => name, f);
        });
        Trait("purchaseCount", t => t.PurchaseCount);
        Trait("revenue", t => t.Revenue);
        Trait("lastPurchaseAt", t => t.LastPurchaseAt);
        Trait("touchpointCount", t => t.TouchpointCount);
        Trait("touchpointsBeforeFirstPurchase", t => t.TouchpointsBeforeFirstPurchase);
        Trait("lastContactAt", t => t.LastContactAt);
        Trait("loyaltyTier", t => t.LoyaltyTier);
        Trait("loyaltyPoints", t => t.LoyaltyPoints);

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

        // A condition on the profile's traits row: EXISTS, so a profile without one matches no condition.
        void Trait<TValue>(string name, Expression<Func<ProfileTraits, TValue>> column) => filter.Custom("traits." + name, f =>
        {
            var test = Expression.Lambda<Func<ProfileTraits, bool>>(FilterTranslator<ProfileTraits>.Apply(column.Body, f.Operator, f.Value), column.Parameters);
            Expression<Func<GoldenProfile, IQueryable<ProfileTraits>>> traits = p => db.ProfileTraits.Where(t => t.ProfileId == p.Id);
            return Expression.Lambda<Func<GoldenProfile, bool>>(
                Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(ProfileTraits)], traits.Body, Expression.Quote(test)), traits.Parameters);
        });
    }

    /// <summary>Survivorship kept a losing value of some attribute as a Conflict row (the conflict queue's condition).</summary>
    public static Expression<Func<GoldenProfile, bool>> HasConflicts(ProfileHubDbContext db) =>
        p => db.ProfileAttributes.Any(a => a.ProfileId == p.Id && a.Rule == ProfileSurvivorship.ConflictRule);

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
