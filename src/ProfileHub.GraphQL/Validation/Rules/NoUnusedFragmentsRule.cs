using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used: every fragment is reached from some operation.</summary>
internal sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node) => node is DocumentNode;

    public override void Leave(SyntaxNode node)
    {
        if (node is not DocumentNode document)
        {
            return;
        }

        var used = document.Definitions
            .OfType<OperationDefinitionNode>()
            .SelectMany(Context.GetRecursivelyReferencedFragments)
            .Select(fragment => fragment.Name.Value)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>().Where(f => !used.Contains(f.Name.Value)))
        {
            Context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
        }
    }
}
