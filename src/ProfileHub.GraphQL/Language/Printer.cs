using System.Globalization;
using System.Text;

namespace ProfileHub.GraphQL.Language;

/// <summary>
/// Prints any AST node back to GraphQL text with graphql-js's <c>print</c> formatting rules (two-space indents,
/// <c>, </c> between arguments, arguments wrapped past 80 characters, block strings kept as block strings).
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameNode n => n.Value,
            DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Wrap(string.Empty, PrintOptional(n.Description), "\n")
                + Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOptional(n.DefaultValue)) + Wrap(" ", Directives(n.Directives)),
            SelectionSetNode n => Block(n.Selections.Select(Print)),
            FieldNode n => PrintField(n),
            ArgumentNode n => Print(n.Name) + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + Print(n.Name) + Wrap(" ", Directives(n.Directives)),
            InlineFragmentNode n => Join(["...", Wrap("on ", PrintOptional(n.TypeCondition)), Directives(n.Directives), Print(n.SelectionSet)], " "),
            FragmentDefinitionNode n => Wrap(string.Empty, PrintOptional(n.Description), "\n")
                + $"fragment {Print(n.Name)} on {Print(n.TypeCondition)} {Wrap(string.Empty, Directives(n.Directives), " ")}" + Print(n.SelectionSet),
            ValueNode n => PrintValue(n),
            ObjectFieldNode n => Print(n.Name) + ": " + Print(n.Value),
            DirectiveNode n => "@" + Print(n.Name) + Wrap("(", Join(n.Arguments.Select(Print), ", "), ")"),
            NamedTypeNode n => Print(n.Name),
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    /// <summary>graphql-js's <c>printString</c>: a JSON-like quoted string with control characters escaped.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\b' => builder.Append("\\b"),
                '\t' => builder.Append("\\t"),
                '\n' => builder.Append("\\n"),
                '\f' => builder.Append("\\f"),
                '\r' => builder.Append("\\r"),
                < ' ' or (>= '\u007F' and <= '\u009F') => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static string PrintValue(ValueNode node) => node switch
    {
        VariableNode n => "$" + Print(n.Name),
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => PrintList(n.Values.Select(Print).ToList()),
        ObjectValueNode n => PrintObject(n.Fields.Select(Print).ToList()),
        _ => throw new ArgumentException($"Unknown value node {node.Kind}.", nameof(node)),
    };

    /// <summary>graphql-js 17: a list past the line length puts one value per line.</summary>
    private static string PrintList(List<string> values) =>
        2 + JoinedLength(values) > MaxLineLength ? Wrap("[\n", Indent(Join(values, "\n")), "\n]") : "[" + Join(values, ", ") + "]";

    /// <summary>graphql-js 17: <c>{ a: 1 }</c> with inner spaces, or one field per line past the line length.</summary>
    private static string PrintObject(List<string> fields) =>
        4 + JoinedLength(fields) > MaxLineLength ? Block(fields) : "{ " + Join(fields, ", ") + " }";

    private static int JoinedLength(List<string> items)
    {
        var nonEmpty = items.Where(item => item.Length > 0).ToList();
        return nonEmpty.Sum(item => item.Length) + (Math.Max(nonEmpty.Count - 1, 0) * 2);
    }

    private static string PrintOperation(OperationDefinitionNode node)
    {
        // graphql-js 17: when a variable definition spans lines (a description), each goes on its own line, unindented.
        var definitions = node.VariableDefinitions.Select(Print).ToList();
        var variables = definitions.Exists(d => d.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Join(definitions, "\n"), "\n)")
            : Wrap("(", Join(definitions, ", "), ")");
        var prefix = Join([node.Operation.ToString().ToLowerInvariant(), PrintOptional(node.Name) + variables, Directives(node.Directives)], " ");
        var description = Wrap(string.Empty, PrintOptional(node.Description), "\n");

        // Anonymous queries without variables or directives print in the shorthand form.
        return description.Length == 0 && prefix == "query"
            ? Print(node.SelectionSet)
            : description + prefix + " " + Print(node.SelectionSet);
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = Wrap(string.Empty, PrintOptional(node.Alias), ": ") + Print(node.Name);
        var arguments = node.Arguments.Select(Print).ToList();
        var argumentsLine = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (argumentsLine.Length > MaxLineLength)
        {
            argumentsLine = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        }

        return Join([argumentsLine, Directives(node.Directives), PrintOptional(node.SelectionSet)], " ");
    }

    private static string PrintTypeSystem(SyntaxNode node) => node switch
    {
        SchemaDefinitionNode n => Described(n.Description, Join(["schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " ")),
        OperationTypeDefinitionNode n => n.Operation.ToString().ToLowerInvariant() + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Described(n.Description, Join(["scalar", Print(n.Name), Directives(n.Directives)], " ")),
        ObjectTypeDefinitionNode n => Described(n.Description, ObjectLike("type", n.Name, n.Interfaces, n.Directives, n.Fields)),
        InterfaceTypeDefinitionNode n => Described(n.Description, ObjectLike("interface", n.Name, n.Interfaces, n.Directives, n.Fields)),
        FieldDefinitionNode n => Described(n.Description, Print(n.Name) + ArgumentDefinitions(n.Arguments) + ": " + Print(n.Type) + Wrap(" ", Directives(n.Directives))),
        InputValueDefinitionNode n => Described(n.Description, Join([Print(n.Name) + ": " + Print(n.Type), Wrap("= ", PrintOptional(n.DefaultValue)), Directives(n.Directives)], " ")),
        UnionTypeDefinitionNode n => Described(n.Description, Join(["union", Print(n.Name), Directives(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " ")),
        EnumTypeDefinitionNode n => Described(n.Description, Join(["enum", Print(n.Name), Directives(n.Directives), Block(n.Values.Select(Print))], " ")),
        EnumValueDefinitionNode n => Described(n.Description, Join([Print(n.Name), Directives(n.Directives)], " ")),
        InputObjectTypeDefinitionNode n => Described(n.Description, Join(["input", Print(n.Name), Directives(n.Directives), Block(n.Fields.Select(Print))], " ")),
        DirectiveDefinitionNode n => Described(n.Description, "directive @" + Print(n.Name) + ArgumentDefinitions(n.Arguments)
            + (n.Repeatable ? " repeatable" : string.Empty) + " on " + Join(n.Locations.Select(Print), " | ")),
        SchemaExtensionNode n => Join(["extend schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        ScalarTypeExtensionNode n => Join(["extend scalar", Print(n.Name), Directives(n.Directives)], " "),
        ObjectTypeExtensionNode n => "extend " + ObjectLike("type", n.Name, n.Interfaces, n.Directives, n.Fields),
        InterfaceTypeExtensionNode n => "extend " + ObjectLike("interface", n.Name, n.Interfaces, n.Directives, n.Fields),
        UnionTypeExtensionNode n => Join(["extend union", Print(n.Name), Directives(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " "),
        EnumTypeExtensionNode n => Join(["extend enum", Print(n.Name), Directives(n.Directives), Block(n.Values.Select(Print))], " "),
        InputObjectTypeExtensionNode n => Join(["extend input", Print(n.Name), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        _ => throw new ArgumentException($"Unknown node {node.Kind}.", nameof(node)),
    };

    private static string ObjectLike(
        string keyword,
        NameNode name,
        IReadOnlyList<NamedTypeNode> interfaces,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyList<FieldDefinitionNode> fields) =>
        Join([keyword, Print(name), Wrap("implements ", Join(interfaces.Select(Print), " & ")), Directives(directives), Block(fields.Select(Print))], " ");

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Exists(argument => argument.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string Described(StringValueNode? description, string definition) =>
        Wrap(string.Empty, PrintOptional(description), "\n") + definition;

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string PrintOptional(SyntaxNode? node) => node is null ? string.Empty : Print(node);

    private static string Join(IEnumerable<string> parts, string separator) =>
        string.Join(separator, parts.Where(part => part.Length > 0));

    private static string Block(IEnumerable<string> items) => Wrap("{\n", Indent(Join(items, "\n")), "\n}");

    private static string Wrap(string start, string value, string end = "") => value.Length == 0 ? string.Empty : start + value + end;

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));
}
