using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments, on fields and on directives.</summary>
internal sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : ValidationRule(context)
{
    public override void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field when Context.FieldDefinition is { } definition:
                // graphql-js 17 names the argument by its schema coordinate.
                var coordinate = Context.FieldCoordinate();
                foreach (var argument in Missing(definition.Arguments.Values, field.Arguments))
                {
                    Context.ReportError(
                        $"Argument \"{coordinate}({argument.Name}:)\" of type \"{argument.Type}\" is required, but it was not provided.",
                        field);
                }

                break;
            case DirectiveNode directive when Context.DocumentDirectives.TryGetValue(directive.Name.Value, out var defined):
                // A directive the document defines: required means non-null without a default, its type printed as written.
                foreach (var argument in defined.Arguments.Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null
                    && !directive.Arguments.Any(given => given.Name.Value == a.Name.Value)))
                {
                    ReportMissingDirectiveArgument(directive, argument.Name.Value, Printer.Print(argument.Type));
                }

                break;
            case DirectiveNode directive when Context.Schema.GetDirective(directive.Name.Value) is { } definition:
                foreach (var argument in Missing(definition.Arguments.Values, directive.Arguments))
                {
                    ReportMissingDirectiveArgument(directive, argument.Name, argument.Type.ToString());
                }

                break;
            default:
                break;
        }
    }

    private void ReportMissingDirectiveArgument(DirectiveNode directive, string argument, string type) =>
        Context.ReportError(
            $"Argument \"@{directive.Name.Value}({argument}:)\" of type \"{type}\" is required, but it was not provided.", directive);

    private static IEnumerable<InputValueDefinition> Missing(IEnumerable<InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> given) =>
        definitions.Where(d => d.IsRequired && !given.Any(a => a.Name.Value == d.Name));
}
