using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
internal sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition } when IsNonComposite(condition):
                Context.ReportError($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition);
                break;
            case FragmentDefinitionNode fragment when IsNonComposite(fragment.TypeCondition):
                Context.ReportError(
                    $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{Printer.Print(fragment.TypeCondition)}\".",
                    fragment.TypeCondition);
                break;
            default:
                break;
        }

        return true;
    }

    private bool IsNonComposite(NamedTypeNode condition) =>
        Context.Schema.GetType(condition.Name.Value) is { } type && !TypeInfo.IsComposite(type);
}
