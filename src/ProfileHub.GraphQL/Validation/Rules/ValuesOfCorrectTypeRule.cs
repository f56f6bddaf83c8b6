using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type, 5.6.2 Input Object Field Names, 5.6.4 Input Object Required Fields and the
/// <c>@oneOf</c> rules (spec 3.10.1). Each literal is checked whole from where it stands, as graphql-js 17's
/// <c>validateInputLiteral</c> does statically (variables are left to <see cref="VariablesInAllowedPositionRule"/>).
/// </summary>
internal sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case ListValueNode list:
                // TypeInfo has already stepped into the item type, so the list's own type is the parent input type.
                Validate(list, Context.ParentInputType);
                return false;
            case ValueNode value and not VariableNode:
                Validate(value, Context.InputType);
                return false;
            default:
                return true;
        }
    }

    private void Validate(ValueNode node, GraphQLType? type)
    {
        switch (type)
        {
            case null:
                return;
            case NonNullType nonNull when node is NullValueNode:
                Context.ReportError($"Expected value of non-null type \"{type}\" not to be null.", node);
                return;
            case NonNullType nonNull:
                Validate(node, nonNull.OfType);
                return;
            case not null when node is NullValueNode or VariableNode:
                return;
            case ListType list when node is ListValueNode items:
                foreach (var item in items.Values)
                {
                    Validate(item, list.OfType);
                }

                return;
            case ListType list:
                Validate(node, list.OfType);
                return;
            case InputObjectType inputObject:
                ValidateObject(node, inputObject);
                return;
            case EnumType enumType:
                ValidateEnum(node, enumType);
                return;
            case ScalarType scalar:
                ValidateScalar(node, scalar);
                return;
            default:
                return;
        }
    }

    private void ValidateObject(ValueNode node, InputObjectType type)
    {
        if (node is not ObjectValueNode objectValue)
        {
            Context.ReportError($"Expected value of type \"{type}\" to be an object, found: {Printer.Print(node)}.", node);
            return;
        }

        var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in objectValue.Fields)
        {
            // The last of repeated fields counts, as graphql-js's keyMap (UniqueInputFieldNamesRule reports the repeat).
            given[field.Name.Value] = field;
        }

        foreach (var field in type.Fields.Values)
        {
            if (given.TryGetValue(field.Name, out var fieldNode))
            {
                Validate(fieldNode.Value, field.Type);
            }
            else if (field.IsRequired)
            {
                Context.ReportError(
                    $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {Printer.Print(node)}.", node);
            }
        }

        var known = new List<ObjectFieldNode>();
        foreach (var field in objectValue.Fields)
        {
            if (type.Fields.ContainsKey(field.Name.Value))
            {
                known.Add(field);
                continue;
            }

            var hint = Suggestions.DidYouMean(Suggestions.List(field.Name.Value, type.Fields.Keys));
            Context.ReportError(
                $"Expected value of type \"{type}\" not to include unknown field \"{field.Name.Value}\""
                + (hint.Length > 0 ? $".{hint} Found" : ", found") + $": {Printer.Print(node)}.",
                field);
        }

        if (type.IsOneOf && (known.Count != 1 || known[0].Value is NullValueNode))
        {
            Context.ReportError(
                $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.", node);
        }
    }

    private void ValidateEnum(ValueNode node, EnumType type)
    {
        node = WithoutVariables(node);
        if (node is EnumValueNode enumValue && type.Values.ContainsKey(enumValue.Value))
        {
            return;
        }

        var printed = Printer.Print(node);
        var hint = Suggestions.DidYouMean("the enum value", Suggestions.List(printed, type.Values.Keys));
        Context.ReportError(
            node is EnumValueNode
                ? $"Value \"{printed}\" does not exist in \"{type.Name}\" enum." + hint
                : $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}." + hint,
            node);
    }

    /// <summary>
    /// A leaf literal as graphql-js 17 hands it to the scalar: statically, nested variables have no value and read as
    /// null (so <c>[$x]</c> is reported as <c>[null]</c>).
    /// </summary>
    private static ValueNode WithoutVariables(ValueNode node) => node switch
    {
        VariableNode => new NullValueNode { Location = node.Location },
        ListValueNode list => list with { Values = list.Values.Select(WithoutVariables).ToList() },
        ObjectValueNode objectValue => objectValue with
        {
            Fields = objectValue.Fields.Select(f => f with { Value = WithoutVariables(f.Value) }).ToList(),
        },
        _ => node,
    };

    private void ValidateScalar(ValueNode node, ScalarType type)
    {
        node = WithoutVariables(node);
        try
        {
            type.ParseLiteral(node, null);
        }
        catch (Exception error) when (error is CoercionException or FormatException or OverflowException or ArgumentException)
        {
            // graphql-js reports a built-in scalar's GraphQLError as is, and wraps a custom scalar's plain error.
            Context.ReportError(
                Scalars.IsSpecified(type)
                    ? error.Message
                    : $"Expected value of type \"{type}\", but encountered error \"{error.Message}\"; found: {Printer.Print(node)}.",
                node);
        }
    }
}
