using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.3 Directives Are Unique Per Location (unless declared <c>repeatable</c>).</summary>
internal sealed class UniqueDirectivesPerLocationRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is IHasDirectives { Directives.Count: > 1 } located)
        {
            var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in located.Directives)
            {
                var name = directive.Name.Value;
                if (Context.Schema.GetDirective(name) is not { IsRepeatable: false })
                {
                    continue;
                }

                if (seen.TryGetValue(name, out var first))
                {
                    Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
        }

        return true;
    }
}
