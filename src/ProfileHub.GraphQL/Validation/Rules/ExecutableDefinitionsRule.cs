using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions: a request document holds only operations and fragments.</summary>
internal sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not DocumentNode document)
        {
            return true;
        }

        foreach (var definition in document.Definitions.Where(d => d is not ExecutableDefinitionNode))
        {
            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode type => $"\"{type.Name.Value}\"",
                TypeExtensionNode extension => $"\"{extension.Name.Value}\"",
                DirectiveDefinitionNode directive => $"\"{directive.Name.Value}\"",
                _ => "\"\"",
            };
            Context.ReportError($"The {name} definition is not executable.", definition);
        }

        return false;
    }
}
