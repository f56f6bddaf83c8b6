using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Coercion of document literals, variables and arguments (spec 6.4.1 CoerceVariableValues and
/// CoerceArgumentValues; graphql-js's values.ts and valueFromAST), with graphql-js's messages.
/// </summary>
internal static class ValueCoercion
{
    /// <summary>Stands for "no value" (graphql-js's undefined), as opposed to an explicit null.</summary>
    public static readonly object Undefined = new();

    public static GraphQLType? TypeFromNode(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => TypeFromNode(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromNode(schema, list.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };

    public static Dictionary<string, object?> CoerceVariables(
        Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeFromNode(schema, definition.Type);
            var locations = GraphQLError.LocationsOf([definition]);
            if (type is null || !type.IsInputType)
            {
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{Print(definition.Type)}\" which cannot be used as an input type.",
                    locations, extensions: GraphQLError.CodeOf(ErrorCodes.BadUserInput)));
                continue;
            }
            void Report(string path, string message) => errors.Add(new GraphQLError(
                $"Variable \"${name}\" has invalid value{InputCoercion.AtPath(path)}: {message}", locations, extensions: GraphQLError.CodeOf(ErrorCodes.BadUserInput)));
            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    var fromDefault = CoerceLiteral(definition.DefaultValue, type, null, (path, message) => errors.Add(new GraphQLError(
                        $"Variable \"${name}\" has invalid default value{InputCoercion.AtPath(path)}: {message}", locations, extensions: GraphQLError.CodeOf(ErrorCodes.BadUserInput))));
                    if (fromDefault != Undefined)
                    {
                        coerced[name] = fromDefault;
                    }
                }
                else if (type.IsNonNull)
                {
                    Report("", $"Expected a value of non-null type \"{type}\" to be provided.");
                }
                continue;
            }
            var before = errors.Count;
            var result = InputCoercion.Coerce(value, type, Report);
            if (errors.Count == before)
            {
                coerced[name] = result;
            }
        }
        return coerced;
    }

    /// <summary>
    /// Argument values of a field or directive (spec 6.4.1 CoerceArgumentValues). Returns null and sets
    /// <paramref name="error"/> when an argument is invalid.
    /// </summary>
    public static Dictionary<string, object?>? CoerceArguments(
        OrderedDictionary<string, InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> nodes, IReadOnlyDictionary<string, object?> variables, string owner, out string? error)
    {
        error = null;
        var result = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions.Values)
        {
            var node = FindArgument(nodes, definition.Name);
            var value = Undefined;
            if (node is not null)
            {
                value = node.Value is VariableNode variable
                    ? variables.TryGetValue(variable.Name.Value, out var variableValue) ? variableValue : Undefined
                    : node.Value;
            }
            if (value == Undefined)
            {
                if (definition.HasDefaultValue)
                {
                    result[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type.IsNonNull)
                {
                    error = $"Argument \"{owner}({definition.Name}:)\" of required type \"{definition.Type}\" was not provided.";
                    return null;
                }
                continue;
            }
            if (node!.Value is VariableNode)
            {
                if (value is null && definition.Type.IsNonNull)
                {
                    error = $"Argument \"{owner}({definition.Name}:)\" has invalid value: Expected variable \"${((VariableNode)node.Value).Name.Value}\" provided to non-null type \"{definition.Type}\" not to be null.";
                    return null;
                }
                // Variables were coerced against their own (compatible) type already.
                result[definition.Name] = value;
                continue;
            }
            string? literalError = null;
            var coerced = CoerceLiteral((ValueNode)value!, definition.Type, variables, (path, message) =>
                literalError ??= $"Argument \"{owner}({definition.Name}:)\" has invalid value{InputCoercion.AtPath(path)}: {message}");
            if (literalError is not null)
            {
                error = literalError;
                return null;
            }
            result[definition.Name] = coerced == Undefined ? null : coerced;
        }
        return result;
    }

    private static ArgumentNode? FindArgument(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Name.Value == name)
            {
                return nodes[i];
            }
        }
        return null;
    }

    /// <summary>A literal's internal value for <paramref name="type"/> (graphql-js coerceInputLiteral); <see cref="Undefined"/> for an absent variable.</summary>
    public static object? CoerceLiteral(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, Action<string, string> onError, string path = "")
    {
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var value))
            {
                return Undefined;
            }
            if (value is null && type.IsNonNull)
            {
                onError(path, $"Expected variable \"${variable.Name.Value}\" provided to non-null type \"{type}\" not to be null.");
            }
            return value;
        }
        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                onError(path, $"Expected value of non-null type \"{type}\" not to be null.");
                return null;
            }
            return CoerceLiteral(node, nonNull.OfType, variables, onError, path);
        }
        if (node is NullValueNode)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    for (var i = 0; i < items.Values.Count; i++)
                    {
                        var item = CoerceLiteral(items.Values[i], list.OfType, variables, onError, path + "[" + i + "]");
                        result.Add(item == Undefined ? null : item);
                    }
                    return result;
                }
                var single = CoerceLiteral(node, list.OfType, variables, onError, path);
                return single == Undefined ? Undefined : new List<object?> { single };
            case InputObjectType input:
                return CoerceObjectLiteral(node, input, variables, onError, path);
            case EnumType enumType:
                if (node is EnumValueNode enumValue && enumType.Values.TryGetValue(enumValue.Value, out var definition))
                {
                    return definition.Value;
                }
                var shown = node is EnumValueNode e ? e.Value : ValuePrinter.PrintLiteral(node);
                var suggestion = Suggestions.DidYouMean("the enum value", Suggestions.List(shown, enumType.Values.Keys));
                onError(path, node is EnumValueNode
                    ? $"Value \"{shown}\" does not exist in \"{enumType.Name}\" enum.{suggestion}"
                    : $"Enum \"{enumType.Name}\" cannot represent non-enum value: {shown}.{suggestion}");
                return null;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseLiteral(node, variables);
                }
                catch (CoercionException error)
                {
                    onError(path, error.Message);
                    return null;
                }
            default:
                onError(path, $"Expected an input type, found \"{type}\".");
                return null;
        }
    }

    private static Dictionary<string, object?>? CoerceObjectLiteral(ValueNode node, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, Action<string, string> onError, string path)
    {
        if (node is not ObjectValueNode objectNode)
        {
            onError(path, $"Expected value of type \"{type}\" to be an object, found: {ValuePrinter.PrintLiteral(node)}.");
            return null;
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var given = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var field in objectNode.Fields)
        {
            if (!type.Fields.ContainsKey(field.Name.Value))
            {
                onError(path, InputCoercion.UnknownField(type, field.Name.Value, ValuePrinter.PrintLiteral(node)));
            }
            given[field.Name.Value] = field.Value;
        }
        foreach (var field in type.Fields.Values)
        {
            var value = given.TryGetValue(field.Name, out var fieldNode)
                ? CoerceLiteral(fieldNode, field.Type, variables, onError, path + "." + field.Name)
                : Undefined;
            if (value != Undefined)
            {
                result[field.Name] = value;
            }
            else if (field.HasDefaultValue)
            {
                result[field.Name] = field.DefaultValue;
            }
            else if (field.Type.IsNonNull)
            {
                onError(path, $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {ValuePrinter.PrintLiteral(node)}.");
            }
        }
        if (type.IsOneOf && (result.Count != 1 || result.Values.First() is null))
        {
            onError(path, $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.");
        }
        return result;
    }

    private static string Print(TypeNode node) => node switch
    {
        NonNullTypeNode n => Print(n.Type) + "!",
        ListTypeNode l => "[" + Print(l.Type) + "]",
        NamedTypeNode named => named.Name.Value,
        _ => "?",
    };
}
