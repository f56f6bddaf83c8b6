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
                if (Context.Schema.GetDirective(directive.Name.Value) is { } definition)
                {
                    foreach (var argument in directive.Arguments.Where(a => !definition.Arguments.ContainsKey(a.Name.Value)))
                    {
                        var suggestions = Suggestions.List(argument.Name.Value, definition.Arguments.Keys);
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
}
