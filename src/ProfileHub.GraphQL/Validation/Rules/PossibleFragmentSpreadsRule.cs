using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment Spread Is Possible: the fragment's type and the parent type share an object type.</summary>
internal sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode inline
                when Context.Type?.Named is { } fragmentType && Context.ParentType is { } parentType && CannotOverlap(fragmentType, parentType):
                Context.ReportError(
                    $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                    inline);
                break;
            case FragmentSpreadNode spread
                when FragmentType(spread.Name.Value) is { } fragmentType && Context.ParentType is { } parentType && CannotOverlap(fragmentType, parentType):
                Context.ReportError(
                    $"Fragment \"{spread.Name.Value}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                    spread);
                break;
            default:
                break;
        }

        return true;
    }

    private NamedType? FragmentType(string name) =>
        Context.GetFragment(name) is { } fragment ? Context.Schema.GetType(fragment.TypeCondition.Name.Value) : null;

    private bool CannotOverlap(NamedType fragmentType, NamedType parentType) =>
        TypeInfo.IsComposite(fragmentType) && TypeInfo.IsComposite(parentType) && !Context.Schema.DoTypesOverlap(fragmentType, parentType);
}
