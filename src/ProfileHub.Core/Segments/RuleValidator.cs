namespace ProfileHub.Core.Segments;

/// <summary>A parsed and validated rule, with the segments it reads through <c>in_segment</c>.</summary>
public sealed record SegmentRule(string Text, RuleNode Root, IReadOnlyList<string> ReferencedSegments);

/// <summary>
/// Checks a parsed rule against <see cref="RuleCatalogue"/>: known fields and functions, types on both sides
/// of a comparison, a bounded window on every behavioural count (1 to <see cref="RuleCatalogue.MaxWindowDays"/>
/// days), and no cycle through <c>in_segment</c>. Collects every problem rather than stopping at the first.
/// </summary>
public sealed class RuleValidator
{
    private readonly List<RuleError> _errors = [];
    private readonly List<string> _references = [];

    private RuleValidator()
    {
    }

    /// <summary>
    /// Parses and validates <paramref name="text"/> as the rule of segment <paramref name="segmentName"/>;
    /// <paramref name="ruleOf"/> gives another segment's stored rule (null when there is no such segment).
    /// </summary>
    public static SegmentRule Compile(string text, string segmentName, Func<string, string?> ruleOf)
    {
        ArgumentNullException.ThrowIfNull(ruleOf);
        var root = RuleParser.Parse(text);
        var validator = new RuleValidator();
        validator.Condition(root, FieldScope.Profile);
        foreach (var call in Calls(root).Where(c => c.Name == RuleCatalogue.InSegmentFunction && c.Arguments is [LiteralNode { Kind: LiteralKind.Text }]))
        {
            var target = (string)((LiteralNode)call.Arguments[0]).Value;
            validator.CheckReference(call, target, segmentName, ruleOf);
        }

        if (validator._errors.Count > 0)
        {
            throw new RuleException([.. validator._errors.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column)]);
        }

        return new SegmentRule(text, root, [.. validator._references.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The personal attributes the rule filters on (<see cref="RuleField.Personal"/>), where they are written.
    /// A rule read through <c>in_segment</c> is not searched: its author chose it, the reader cannot steer it.
    /// </summary>
    public static IReadOnlyList<FieldNode> PersonalFields(RuleNode root) =>
        [.. Nodes(root).OfType<FieldNode>().Where(f => RuleCatalogue.Field(f.Name, FieldScope.Profile) is { Personal: true })];

    /// <summary>The comparisons of a personal attribute with a value (<c>email = "..."</c>): what <see cref="RuleRedaction"/> masks.</summary>
    public static IEnumerable<ComparisonNode> PersonalComparisons(RuleNode root) =>
        Nodes(root).OfType<ComparisonNode>().Where(c => c.Operand is FieldNode f && RuleCatalogue.Field(f.Name, FieldScope.Profile) is { Personal: true });

    /// <summary>The in_segment names a rule reads (for ordering refreshes), without validating it.</summary>
    public static IEnumerable<string> References(RuleNode root) =>
        Calls(root).Where(c => c.Name == RuleCatalogue.InSegmentFunction && c.Arguments is [LiteralNode { Kind: LiteralKind.Text }])
            .Select(c => (string)((LiteralNode)c.Arguments[0]).Value);

    private void CheckReference(CallNode call, string target, string segmentName, Func<string, string?> ruleOf)
    {
        _references.Add(target);
        var path = new List<string> { segmentName, target };
        if (FindCycle(target, segmentName, ruleOf, path, []) is { } cycle)
        {
            Error(call, $"in_segment(\"{target}\") makes a cycle: {string.Join(" -> ", cycle)}", call.Name);
        }
        else if (target != segmentName && ruleOf(target) is null)
        {
            Error(call.Arguments[0], $"there is no segment named \"{target}\"", ((LiteralNode)call.Arguments[0]).Text);
        }
    }

    private static List<string>? FindCycle(string current, string start, Func<string, string?> ruleOf, List<string> path, HashSet<string> seen)
    {
        if (current == start)
        {
            return path;
        }

        if (!seen.Add(current) || ruleOf(current) is not { } text)
        {
            return null;
        }

        RuleNode root;
        try
        {
            root = RuleParser.Parse(text);
        }
        catch (RuleException)
        {
            return null;
        }

        foreach (var next in References(root))
        {
            if (FindCycle(next, start, ruleOf, [.. path, next], seen) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>A node in a condition position: a boolean, or a behavioural count (read as "at least one").</summary>
    private void Condition(RuleNode node, FieldScope scope)
    {
        switch (node)
        {
            case AndNode and:
                Condition(and.Left, scope);
                Condition(and.Right, scope);
                return;
            case OrNode or:
                Condition(or.Left, scope);
                Condition(or.Right, scope);
                return;
            case NotNode not:
                Condition(not.Operand, scope);
                return;
            case ComparisonNode comparison:
                Compare(comparison, scope);
                return;
            case LiteralNode literal:
                Error(literal, $"a value ({literal.Text}) is not a condition: compare a field with it", literal.Text);
                return;
            default:
                var type = Operand(node, scope);
                if (type is not null and not RuleType.Boolean && !(node is CallNode && type == RuleType.Number))
                {
                    Error(node, $"{NameOf(node)} is {Article(type.Value)}, not a condition: compare it (e.g. {NameOf(node)} {Example(type.Value)})", NameOf(node));
                }

                return;
        }
    }

    /// <summary>The type of a field or call, or null after reporting why it has none.</summary>
    private RuleType? Operand(RuleNode node, FieldScope scope)
    {
        if (node is FieldNode field)
        {
            if (RuleCatalogue.Field(field.Name, scope) is { } known)
            {
                return known.Type;
            }

            var elsewhere = RuleCatalogue.Field(field.Name, scope == FieldScope.Profile ? FieldScope.Touchpoint : FieldScope.Profile);
            var hint = elsewhere is not null
                ? scope == FieldScope.Profile ? $" ({field.Name} describes a touchpoint: use it inside count(..., last N days))" : $" ({field.Name} describes a profile, not a touchpoint)"
                : RuleCatalogue.BehaviourNamed(field.Name) is not null ? $" (write {field.Name}(last N days))" : string.Empty;
            Error(field, $"unknown field '{field.Name}'{hint}", field.Name);
            return null;
        }

        if (node is CallNode call)
        {
            return Call(call, scope);
        }

        Error(node, "expected a field or a function", null);
        return null;
    }

    private RuleType? Call(CallNode call, FieldScope scope)
    {
        if (call.Name == RuleCatalogue.InSegmentFunction)
        {
            if (call.Arguments is not [LiteralNode { Kind: LiteralKind.Text }] || call.Window is not null)
            {
                Error(call, "in_segment takes one segment name in quotes, e.g. in_segment(\"vip\")", call.Name);
            }

            return RuleType.Boolean;
        }

        if (RuleCatalogue.BehaviourNamed(call.Name) is not { } behaviour)
        {
            Error(call, $"unknown function '{call.Name}'", call.Name);
            return null;
        }

        if (scope == FieldScope.Touchpoint)
        {
            Error(call, $"{call.Name}(...) cannot be used inside count(...)", call.Name);
            return null;
        }

        if (behaviour.TakesFacets)
        {
            if (call.Arguments is [var facets])
            {
                Condition(facets, FieldScope.Touchpoint);
            }
            else
            {
                Error(call, "count takes one touchpoint condition and a window, e.g. count(channel = web and proactive, last 14 days)", call.Name);
            }
        }
        else if (call.Arguments.Count > 0)
        {
            Error(call.Arguments[0], $"{call.Name} takes only a window, e.g. {call.Name}(last 30 days)", null);
        }

        if (call.Window is not { } window)
        {
            Error(call, $"{call.Name} has an unbounded window: say how far back to count, e.g. {call.Name}(last 30 days)", call.Name);
        }
        else if (window.Days is < 1 or > RuleCatalogue.MaxWindowDays)
        {
            Error(window, $"a window must be 1 to {RuleCatalogue.MaxWindowDays} days, not {window.Days}", window.Days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return RuleType.Number;
    }

    private void Compare(ComparisonNode comparison, FieldScope scope)
    {
        if (Operand(comparison.Operand, scope) is not { } type)
        {
            return;
        }

        var value = comparison.Value;
        var ordering = comparison.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        var name = NameOf(comparison.Operand);
        var fits = type switch
        {
            RuleType.Text => value.Kind == LiteralKind.Text,
            RuleType.Number => value.Kind == LiteralKind.Number,
            RuleType.Boolean => value.Kind == LiteralKind.Boolean,
            RuleType.Time => value.Kind == LiteralKind.DaysAgo,
            _ => value.Kind == LiteralKind.Word,
        };
        if (!fits)
        {
            Error(value, $"{name} is {Article(type)} and cannot be compared with {value.Text}: write e.g. {name} {Example(type)}", value.Text);
            return;
        }

        if (ordering && type is not (RuleType.Number or RuleType.Time))
        {
            Error(comparison, $"{name} is {Article(type)}: only = and != apply", null);
        }

        if (RuleCatalogue.EnumValues.TryGetValue(type, out var values) && !values.ContainsKey((string)value.Value))
        {
            Error(value, $"'{value.Text}' is not a value of {name} (one of {string.Join(", ", values.Keys)})", value.Text);
        }
    }

    private void Error(RuleNode node, string message, string? token) => _errors.Add(new RuleError(message, node.Position, token));

    private static IEnumerable<CallNode> Calls(RuleNode node) => Nodes(node).OfType<CallNode>();

    /// <summary>Every node of the rule, each before its operands.</summary>
    private static IEnumerable<RuleNode> Nodes(RuleNode node) => node switch
    {
        AndNode and => Nodes(and.Left).Concat(Nodes(and.Right)).Prepend(and),
        OrNode or => Nodes(or.Left).Concat(Nodes(or.Right)).Prepend(or),
        NotNode not => Nodes(not.Operand).Prepend(not),
        ComparisonNode comparison => Nodes(comparison.Operand).Prepend(comparison),
        CallNode call => call.Arguments.SelectMany(Nodes).Prepend(call),
        _ => [node],
    };

    private static string NameOf(RuleNode node) => node switch
    {
        FieldNode field => field.Name,
        CallNode call => call.Name + "(...)",
        _ => "the value",
    };

    private static string Article(RuleType type) => type switch
    {
        RuleType.Text => "text",
        RuleType.Number => "a number",
        RuleType.Boolean => "true or false",
        RuleType.Time => "a time",
        RuleType.ConsentStatus => "a consent status",
        RuleType.Channel => "a channel",
        _ => "a stage",
    };

    private static string Example(RuleType type) => type switch
    {
        RuleType.Text => "= \"gold\"",
        RuleType.Number => ">= 3",
        RuleType.Boolean => "= true",
        RuleType.Time => ">= 30 days ago",
        RuleType.ConsentStatus => "= granted",
        RuleType.Channel => "= web",
        _ => "= before",
    };
}
