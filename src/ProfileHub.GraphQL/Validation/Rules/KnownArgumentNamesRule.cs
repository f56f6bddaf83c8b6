using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names, on fields and on directives.</summary>
internal sealed class KnownArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case DirectiveNode directive:
                if (KnownDirectiveArguments(directive.Name.Value) is { } known)
                {
                    foreach (var argument in directive.Arguments.Where(a => !known.Contains(a.Name.Value)))
                    {
                        var suggestions = Suggestions.List(argument.Name.Value, known);
                        Context.ReportError(
                            $"Unknown argument \"{argument.Name.Value}\" on directive \"@{directive.Name.Value}\"." + Suggestions.DidYouMean(suggestions),
                            argument);
                    }
                }

                return false;
            case ArgumentNode argument when Context.Argument is null && Context.FieldDefinition is { } field && Context.ParentType is not null:
                var fieldSuggestions = Suggestions.List(argument.Name.Value, field.Arguments.Keys);
                Context.ReportError(
                    $"Unknown argument \"{argument.Name.Value}\" on field \"{Context.FieldCoordinate()}\"." + Suggestions.DidYouMean(fieldSuggestions),
                    argument);
                return true;
            default:
                return true;
        }
    }

    /// <summary>The argument names of a directive, as the document defines it or else as the schema does.</summary>
    private List<string>? KnownDirectiveArguments(string name) =>
        Context.DocumentDirectives.TryGetValue(name, out var defined) ? defined.Arguments.Select(a => a.Name.Value).ToList()
        : Context.Schema.GetDirective(name)?.Arguments.Keys.ToList();
}
