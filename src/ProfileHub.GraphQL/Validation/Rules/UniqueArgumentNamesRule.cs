using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness, on fields and on directives.</summary>
internal sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => [],
        };
        if (arguments.Count > 1)
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Context.ReportError($"There can be only one argument named \"{group.Key}\".", group.Select(a => a.Name));
            }
        }

        return true;
    }
}
