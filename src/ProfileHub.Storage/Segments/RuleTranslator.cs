using System.Linq.Expressions;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Segments;

/// <summary>
/// Translates a validated rule into one LINQ predicate over active profiles, so that the database evaluates
/// it with set operations: profile columns compare in place; traits, behavioural counts and segment
/// references become <c>id IN (SELECT profile_id ... [GROUP BY ... HAVING ...])</c> semi-joins; consent is
/// the latest statement of any member record (as the profiles filter reads it). A comparison that holds for
/// a profile with no traits row or no touchpoints (<c>purchases = 0</c>, <c>page_views(...) &lt; 5</c>) is
/// written as NOT IN the profiles for which it fails.
/// </summary>
public sealed class RuleTranslator
{
    private static readonly ParameterExpression Profile = Expression.Parameter(typeof(GoldenProfile), "p");

    private readonly ProfileHubDbContext _db;
    private readonly DateTimeOffset _now;
    private readonly IReadOnlyDictionary<string, int> _segmentIds;

    /// <summary>A translator for rules evaluated at <paramref name="now"/>; <paramref name="segmentIds"/> names every segment an in_segment may read.</summary>
    public RuleTranslator(ProfileHubDbContext db, DateTimeOffset now, IReadOnlyDictionary<string, int> segmentIds)
    {
        _db = db;
        _now = now;
        _segmentIds = segmentIds;
    }

    /// <summary>The profiles the rule selects: active ones only.</summary>
    public IQueryable<GoldenProfile> Members(SegmentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _db.Profiles.Where(p => p.Status == ProfileStatus.Active).Where(Predicate(rule));
    }

    public Expression<Func<GoldenProfile, bool>> Predicate(SegmentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Expression.Lambda<Func<GoldenProfile, bool>>(Condition(rule.Root), Profile);
    }

    private Expression Condition(RuleNode node) => node switch
    {
        AndNode and => Expression.AndAlso(Condition(and.Left), Condition(and.Right)),
        OrNode or => Expression.OrElse(Condition(or.Left), Condition(or.Right)),
        NotNode not => Expression.Not(Condition(not.Operand)),
        ComparisonNode comparison => Compare(comparison),
        CallNode { Name: RuleCatalogue.InSegmentFunction } call => InSegment((string)((LiteralNode)call.Arguments[0]).Value),
        CallNode call => Behaviour(call, ComparisonOperator.Greater, 0m),
        _ => throw Unsupported(node),
    };

    private Expression Compare(ComparisonNode comparison)
    {
        var value = comparison.Value;
        if (comparison.Operand is CallNode call)
        {
            return Behaviour(call, comparison.Operator, (decimal)value.Value);
        }

        var name = ((FieldNode)comparison.Operand).Name;
        return name switch
        {
            "country" => Column(p => p.Country, comparison.Operator, value),
            "city" => Column(p => p.City, comparison.Operator, value),
            "given_name" => Column(p => p.GivenName, comparison.Operator, value),
            "family_name" => Column(p => p.FamilyName, comparison.Operator, value),
            "email" => Column(p => p.PrimaryEmail, comparison.Operator, value),
            "purchases" => Trait(t => t.PurchaseCount, comparison.Operator, value, 0),
            "revenue" => Trait(t => t.Revenue, comparison.Operator, value, 0d),
            "touchpoints" => Trait(t => t.TouchpointCount, comparison.Operator, value, 0),
            "touchpoints_before_first_purchase" => Trait(t => t.TouchpointsBeforeFirstPurchase, comparison.Operator, value, null),
            "first_purchase" => Trait(t => t.FirstPurchaseAt, comparison.Operator, value, null),
            "last_purchase" => Trait(t => t.LastPurchaseAt, comparison.Operator, value, null),
            "last_contact" => Trait(t => t.LastContactAt, comparison.Operator, value, null),
            "email.opens" => Trait(t => t.EmailOpens, comparison.Operator, value, 0),
            "email.clicks" => Trait(t => t.EmailClicks, comparison.Operator, value, 0),
            "email.last_open" => Trait(t => t.LastEmailOpenAt, comparison.Operator, value, null),
            "email.last_click" => Trait(t => t.LastEmailClickAt, comparison.Operator, value, null),
            "loyalty.tier" => Trait(t => t.LoyaltyTier, comparison.Operator, value, null),
            "loyalty.points" => Trait(t => t.LoyaltyPoints, comparison.Operator, value, null),
            _ when name.StartsWith("consent.", StringComparison.Ordinal) => Consent(Enum.Parse<ConsentChannel>(name["consent.".Length..], ignoreCase: true), comparison.Operator, value),
            _ => throw Unsupported(comparison.Operand),
        };
    }

    private BinaryExpression Column<TValue>(Expression<Func<GoldenProfile, TValue>> column, ComparisonOperator op, LiteralNode value) =>
        KnownAnd(QueryBody(column, Profile), op, Operand(value, typeof(TValue)));

    /// <summary>A comparison that a missing (null) value never passes, whatever the operator (SQL's reading, also for !=).</summary>
    private static BinaryExpression KnownAnd(Expression column, ComparisonOperator op, Expression value) =>
        column.Type.IsValueType && Nullable.GetUnderlyingType(column.Type) is null
            ? Apply(column, op, value)
            : Expression.AndAlso(Expression.NotEqual(column, Expression.Constant(null, column.Type)), Apply(column, op, value));

    /// <summary>A trait comparison: IN the profiles whose row passes, or NOT IN those whose row fails when a missing row passes.</summary>
    private Expression Trait<TValue>(Expression<Func<ProfileTraits, TValue>> trait, ComparisonOperator op, LiteralNode value, object? missing)
    {
        var row = Expression.Parameter(typeof(ProfileTraits), "t");
        var operand = Operand(value, typeof(TValue));
        var passes = KnownAnd(QueryBody(trait, row), op, operand);
        var missingPasses = missing is not null && Holds(missing, op, ((ConstantExpressionValue)operand).Raw);
        var test = missingPasses ? Expression.Not(passes) : (Expression)passes;
        var ids = Select(_db.ProfileTraits.Where(Expression.Lambda<Func<ProfileTraits, bool>>(test, row)), t => t.ProfileId);
        return missingPasses ? Expression.Not(In(ids)) : In(ids);
    }

    private Expression Consent(ConsentChannel channel, ComparisonOperator op, LiteralNode value)
    {
        var status = (ConsentStatus)RuleCatalogue.EnumValues[RuleType.ConsentStatus][(string)value.Value];
        var db = _db;
        Expression<Func<GoldenProfile, ConsentStatus?>> current = p => db.Memberships.Where(m => m.ProfileId == p.Id)
            .Join(db.Consents.Where(c => c.Channel == channel), m => m.RecordId, c => c.RecordId, (m, c) => c)
            .OrderByDescending(c => c.ObservedAt).ThenByDescending(c => c.Id)
            .Select(c => (ConsentStatus?)c.Status)
            .FirstOrDefault();
        var equal = Expression.Equal(QueryBody(current, Profile), Expression.Convert(Boxed(status), typeof(ConsentStatus?)));
        return op == ComparisonOperator.NotEqual ? Expression.Not(equal) : equal;
    }

    private MethodCallExpression InSegment(string name)
    {
        var id = _segmentIds.TryGetValue(name, out var found) ? found : throw new InvalidOperationException($"There is no segment named \"{name}\".");
        var members = _db.SegmentMemberships.Where(m => m.SegmentId == id && m.ExitedAt == null).Select(m => m.ProfileId);
        return In(members);
    }

    /// <summary>
    /// A behavioural count compared with a number: the profiles with at least one matching touchpoint in the
    /// window, grouped and counted by the database. When the comparison holds for zero, NOT IN those that fail.
    /// </summary>
    private Expression Behaviour(CallNode call, ComparisonOperator op, decimal value)
    {
        var behaviour = RuleCatalogue.BehaviourNamed(call.Name) ?? throw Unsupported(call);
        var since = _now.AddDays(-call.Window!.Days);
        var touchpoint = Expression.Parameter(typeof(Touchpoint), "t");
        var filter = (Expression)Apply(Expression.Property(touchpoint, nameof(Touchpoint.OccurredAt)), ComparisonOperator.GreaterOrEqual, Boxed(since));
        if (behaviour.Channel is { } channel)
        {
            filter = Expression.AndAlso(filter, Expression.Equal(Expression.Property(touchpoint, nameof(Touchpoint.Channel)), Boxed(channel)));
        }

        if (behaviour.Types.Count > 0)
        {
            var type = Expression.Property(touchpoint, nameof(Touchpoint.Type));
            filter = Expression.AndAlso(filter, behaviour.Types.Select(t => (Expression)Expression.Equal(type, Expression.Constant(t))).Aggregate(Expression.OrElse));
        }

        if (behaviour.PoorRating)
        {
            var score = Expression.Call(
                typeof(SqlJson).GetMethod(nameof(SqlJson.Number))!,
                Expression.Property(touchpoint, nameof(Touchpoint.Metrics)),
                Expression.Constant(Journey.SatisfactionScoreMetric));
            filter = Expression.AndAlso(filter, Expression.Equal(score, Expression.Constant((double?)(double)Journey.PoorSatisfactionScore, typeof(double?))));
        }

        if (behaviour.TakesFacets)
        {
            filter = Expression.AndAlso(filter, Facet(call.Arguments[0], touchpoint));
        }

        var touchpoints = _db.Touchpoints.Where(Expression.Lambda<Func<Touchpoint, bool>>(filter, touchpoint));
        var pairs = _db.Memberships.Join(touchpoints, m => (long?)m.RecordId, t => t.SourceRecordId, (m, t) => m.ProfileId);
        var zeroPasses = Holds(0, op, value);
        var counted = Expression.Parameter(typeof(IGrouping<Guid, Guid>), "g");
        // Compared as double: SQLite has no decimal type (EF would compare text).
        var count = Expression.Convert(Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(Guid)], counted), typeof(double));
        Expression having = Apply(count, op, Expression.Constant((double)value));
        if (zeroPasses)
        {
            having = Expression.Not(having);
        }

        // A count above zero is just "has one": EXISTS-style semi-join without grouping.
        var atLeastOne = (op == ComparisonOperator.Greater && value == 0) || (op == ComparisonOperator.GreaterOrEqual && value == 1);
        var ids = !zeroPasses && atLeastOne
            ? pairs.Distinct()
            : pairs.GroupBy(id => id).Where(Expression.Lambda<Func<IGrouping<Guid, Guid>, bool>>(having, counted)).Select(g => g.Key);
        return zeroPasses ? Expression.Not(In(ids)) : In(ids);
    }

    private static Expression Facet(RuleNode node, ParameterExpression touchpoint) => node switch
    {
        AndNode and => Expression.AndAlso(Facet(and.Left, touchpoint), Facet(and.Right, touchpoint)),
        OrNode or => Expression.OrElse(Facet(or.Left, touchpoint), Facet(or.Right, touchpoint)),
        NotNode not => Expression.Not(Facet(not.Operand, touchpoint)),
        FieldNode field => FacetBoolean(field.Name, touchpoint),
        ComparisonNode { Operand: FieldNode field } comparison => FacetComparison(field.Name, comparison, touchpoint),
        _ => throw Unsupported(node),
    };

    private static Expression FacetBoolean(string name, ParameterExpression touchpoint) => name switch
    {
        "online" => Expression.Property(touchpoint, nameof(Touchpoint.Online)),
        "controllable" => Expression.Property(touchpoint, nameof(Touchpoint.Controllable)),
        "proactive" => Expression.Equal(Expression.Property(touchpoint, nameof(Touchpoint.Initiative)), Expression.Constant(Initiative.Proactive)),
        "reactive" => Expression.Equal(Expression.Property(touchpoint, nameof(Touchpoint.Initiative)), Expression.Constant(Initiative.Reactive)),
        _ => throw new InvalidOperationException($"'{name}' is not a boolean touchpoint facet."),
    };

    private static Expression FacetComparison(string name, ComparisonNode comparison, ParameterExpression touchpoint)
    {
        Expression equal = name switch
        {
            "channel" => Expression.Equal(Expression.Property(touchpoint, nameof(Touchpoint.Channel)), Expression.Constant(RuleCatalogue.EnumValues[RuleType.Channel][(string)comparison.Value.Value])),
            "stage" => Expression.Equal(Expression.Property(touchpoint, nameof(Touchpoint.Stage)), Expression.Constant(RuleCatalogue.EnumValues[RuleType.Stage][(string)comparison.Value.Value])),
            "type" => Expression.Equal(Expression.Property(touchpoint, nameof(Touchpoint.Type)), Expression.Constant((string)comparison.Value.Value)),
            _ => Expression.Equal(FacetBoolean(name, touchpoint), Expression.Constant((bool)comparison.Value.Value)),
        };
        return comparison.Operator == ComparisonOperator.NotEqual ? Expression.Not(equal) : equal;
    }

    /// <summary>The literal as a query parameter of the column's type (N days ago is a time before now).</summary>
    private ConstantExpressionValue Operand(LiteralNode value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var raw = value.Kind switch
        {
            LiteralKind.DaysAgo => (object)_now.AddDays(-(int)value.Value),
            LiteralKind.Number when target == typeof(int) => (int)Math.Clamp((decimal)value.Value, int.MinValue, int.MaxValue),
            LiteralKind.Number when target == typeof(double) => (double)(decimal)value.Value,
            _ => value.Value,
        };
        return new ConstantExpressionValue(raw, type);
    }

    private static bool Holds(object missing, ComparisonOperator op, object value)
    {
        var comparison = Convert.ToDecimal(missing, System.Globalization.CultureInfo.InvariantCulture)
            .CompareTo(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
        return op switch
        {
            ComparisonOperator.Equal => comparison == 0,
            ComparisonOperator.NotEqual => comparison != 0,
            ComparisonOperator.Less => comparison < 0,
            ComparisonOperator.LessOrEqual => comparison <= 0,
            ComparisonOperator.Greater => comparison > 0,
            _ => comparison >= 0,
        };
    }

    private static BinaryExpression Apply(Expression column, ComparisonOperator op, Expression value)
    {
        if (value is ConstantExpressionValue boxed)
        {
            value = boxed.Reduce();
        }

        if (column.Type == typeof(string) && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            throw new InvalidOperationException("Text compares only with = and !=.");
        }

        if (value.Type != column.Type)
        {
            value = Expression.Convert(value, column.Type);
        }

        return op switch
        {
            ComparisonOperator.Equal => Expression.Equal(column, value),
            ComparisonOperator.NotEqual => Expression.NotEqual(column, value),
            ComparisonOperator.Less => Expression.LessThan(column, value),
            ComparisonOperator.LessOrEqual => Expression.LessThanOrEqual(column, value),
            ComparisonOperator.Greater => Expression.GreaterThan(column, value),
            _ => Expression.GreaterThanOrEqual(column, value),
        };
    }

    private static MethodCallExpression In(IQueryable<Guid> ids) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], ids.Expression, Expression.Property(Profile, nameof(GoldenProfile.Id)));

    private static IQueryable<Guid> Select<T>(IQueryable<T> rows, Expression<Func<T, Guid>> id) => rows.Select(id);

    private static Expression QueryBody(LambdaExpression lambda, ParameterExpression parameter) =>
        new Rebind(lambda.Parameters[0], parameter).Visit(lambda.Body);

    /// <summary>A value EF Core sends as a parameter (a closure member), not inlined into the SQL text.</summary>
    private static MemberExpression Boxed<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private static InvalidOperationException Unsupported(RuleNode node) => new($"The rule node at {node.Position} cannot be translated; was the rule validated?");

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    /// <summary>A literal waiting to become a parameter of the column's type.</summary>
    private sealed class ConstantExpressionValue(object raw, Type type) : Expression
    {
        public object Raw => raw;

        public override ExpressionType NodeType => ExpressionType.Extension;

        public override Type Type => type;

        public override bool CanReduce => true;

        public override Expression Reduce()
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            var box = typeof(Box<>).MakeGenericType(target);
            var parameter = Property(Constant(Activator.CreateInstance(box, raw)), "Value");
            return target == type ? parameter : Convert(parameter, type);
        }
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
