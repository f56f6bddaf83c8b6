using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
internal sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            if (_known.TryGetValue(fragment.Name.Value, out var first))
            {
                Context.ReportError($"There can be only one fragment named \"{fragment.Name.Value}\".", first, fragment.Name);
            }
            else
            {
                _known[fragment.Name.Value] = fragment.Name;
            }
        }

        return node is not (OperationDefinitionNode or FragmentDefinitionNode);
    }
}
