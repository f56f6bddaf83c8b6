using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections.</summary>
internal sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not FieldNode field || Context.Type is not { } type)
        {
            return true;
        }

        var name = field.Name.Value;
        if (type.Named is ScalarType or EnumType)
        {
            if (field.SelectionSet is { } selectionSet)
            {
                Context.ReportError($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            Context.ReportError(
                $"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
        }

        return true;
    }
}
