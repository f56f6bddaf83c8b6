using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type, 5.6.2 Input Object Field Names, 5.6.4 Input Object Required Fields and the
/// <c>@oneOf</c> rules (spec 3.10.1): every literal is valid for the input type expected where it stands.
/// </summary>
internal sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, VariableDefinitionNode> _variables = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                _variables.Clear();
                return true;
            case VariableDefinitionNode definition:
                _variables[definition.Variable.Name.Value] = definition;
                return true;
            case ListValueNode list when Context.ParentInputType?.Nullable is not ListType:
                // TypeInfo already stepped into the item type: a list where no list is expected is checked whole.
                CheckLeaf(list);
                return false;
            case ObjectValueNode objectValue:
                return CheckObject(objectValue);
            case ObjectFieldNode field when Context.InputType is null && Context.ParentInputType?.NamedType is InputObjectType parent:
                var suggestions = Suggestions.List(field.Name.Value, parent.Fields.Keys);
                Context.ReportError($"Field \"{field.Name.Value}\" is not defined by type \"{parent.Name}\"." + Suggestions.DidYouMean(suggestions), field);
                return true;
            case NullValueNode nullValue when Context.InputType is NonNullType type:
                Context.ReportError($"Expected value of type \"{type}\", found null.", nullValue);
                return true;
            case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                CheckLeaf((ValueNode)node);
                return true;
            default:
                return true;
        }
    }

    private bool CheckObject(ObjectValueNode node)
    {
        if (Context.InputType?.NamedType is not InputObjectType type)
        {
            CheckLeaf(node);
            return false;
        }

        var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            given.TryAdd(field.Name.Value, field);
        }

        foreach (var field in type.Fields.Values.Where(f => f.IsRequired && !given.ContainsKey(f.Name)))
        {
            Context.ReportError($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
        }

        if (type.IsOneOf)
        {
            CheckOneOf(node, type, given);
        }

        return true;
    }

    private void CheckOneOf(ObjectValueNode node, InputObjectType type, Dictionary<string, ObjectFieldNode> given)
    {
        if (given.Count != 1)
        {
            Context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        var (name, field) = given.First();
        if (field.Value is NullValueNode)
        {
            Context.ReportError($"Field \"{type.Name}.{name}\" must be non-null.", node);
        }
        else if (field.Value is VariableNode variable
            && _variables.TryGetValue(variable.Name.Value, out var definition) && definition.Type is not NonNullTypeNode)
        {
            Context.ReportError(
                $"Variable \"{variable.Name.Value}\" must be non-nullable to be used for OneOf Input Object \"{type.Name}\".", node);
        }
    }

    /// <summary>Scalars and enums decide whether a literal is valid (graphql-js's parseLiteral); anything else is not.</summary>
    private void CheckLeaf(ValueNode node)
    {
        if (Context.InputType is not { } locationType)
        {
            return;
        }

        switch (locationType.NamedType)
        {
            case EnumType enumType:
                CheckEnum(node, enumType);
                break;
            case ScalarType scalar:
                try
                {
                    scalar.ParseLiteral(node, null);
                }
                catch (Exception error) when (error is CoercionException or FormatException or OverflowException or ArgumentException)
                {
                    // graphql-js reports a built-in scalar's GraphQLError as is, and wraps a custom scalar's plain error.
                    Context.ReportError(
                        Scalars.IsSpecified(scalar) ? error.Message : $"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {error.Message}",
                        node);
                }

                break;
            default:
                Context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                break;
        }
    }

    private void CheckEnum(ValueNode node, EnumType type)
    {
        var printed = Printer.Print(node);
        if (node is EnumValueNode enumValue && type.Values.ContainsKey(enumValue.Value))
        {
            return;
        }

        var hint = Suggestions.DidYouMean("the enum value", Suggestions.List(printed, type.Values.Keys));
        Context.ReportError(
            node is EnumValueNode
                ? $"Value \"{printed}\" does not exist in \"{type.Name}\" enum." + hint
                : $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}." + hint,
            node);
    }
}
