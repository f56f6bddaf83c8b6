using System.Text;

namespace ProfileHub.GraphQL.Types;

/// <summary>Prints a schema as SDL, byte for byte as graphql-js 17's printSchema does.</summary>
internal static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        var parts = new List<string>();
        var schemaDefinition = PrintSchemaDefinition(schema);
        if (schemaDefinition is not null)
        {
            parts.Add(schemaDefinition);
        }
        parts.AddRange(schema.Directives.Where(d => !SpecifiedDirectives.IsSpecified(d)).Select(PrintDirective));
        parts.AddRange(schema.Types
            .Where(t => !Scalars.IsSpecified(t) && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .Select(PrintType));
        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var isDefault = schema.QueryType == schema.GetType("Query")
            && schema.MutationType == schema.GetType("Mutation")
            && schema.SubscriptionType == schema.GetType("Subscription");
        if (schema.Description is null && isDefault)
        {
            return null;
        }
        var builder = new StringBuilder(PrintDescription(schema.Description)).Append("schema {\n");
        builder.Append("  query: ").Append(schema.QueryType.Name).Append('\n');
        if (schema.MutationType is not null)
        {
            builder.Append("  mutation: ").Append(schema.MutationType.Name).Append('\n');
        }
        if (schema.SubscriptionType is not null)
        {
            builder.Append("  subscription: ").Append(schema.SubscriptionType.Name).Append('\n');
        }
        return builder.Append('}').ToString();
    }

    private static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name +
            (scalar.SpecifiedByUrl is null ? "" : $" @specifiedBy(url: {ValuePrinter.PrintString(scalar.SpecifiedByUrl)})"),
        ObjectType objectType => PrintDescription(objectType.Description) + "type " + objectType.Name + PrintInterfaces(objectType) + PrintFields(objectType),
        InterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintInterfaces(iface) + PrintFields(iface),
        UnionType union => PrintDescription(union.Description) + "union " + union.Name +
            (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : ""),
        EnumType enumType => PrintDescription(enumType.Description) + "enum " + enumType.Name + PrintBlock(enumType.Values.Values.Select((value, i) =>
            PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason))),
        InputObjectType input => PrintDescription(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : "") +
            PrintBlock(input.Fields.Values.Select((field, i) => PrintDescription(field.Description, "  ", i == 0) + "  " + PrintInputValue(field))),
        _ => throw new InvalidOperationException($"Unexpected type {type.Name}."),
    };

    private static string PrintInterfaces(ComplexType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : "";

    private static string PrintFields(ComplexType type) => PrintBlock(type.Fields.Values.Select((field, i) =>
        PrintDescription(field.Description, "  ", i == 0) + "  " + field.Name + PrintArguments(field.Arguments.Values.ToList(), "  ") +
        ": " + field.Type + PrintDeprecated(field.DeprecationReason)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : "";
    }

    private static string PrintArguments(List<InputValueDefinition> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return "";
        }
        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(PrintInputValue)) + ")";
        }
        return "(\n" + string.Join("\n", arguments.Select((argument, i) =>
            PrintDescription(argument.Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(argument))) +
            "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValueDefinition value)
    {
        var declaration = value.Name + ": " + value.Type;
        if (value.HasDefaultValue)
        {
            declaration += " = " + value.DefaultLiteral;
        }
        return declaration + PrintDeprecated(value.DeprecationReason);
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArguments(directive.Arguments.Values.ToList()) +
        (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToSdlName()));

    private static string PrintDeprecated(string? reason) => reason switch
    {
        null => "",
        SpecifiedDirectives.DefaultDeprecationReason => " @deprecated",
        _ => $" @deprecated(reason: {ValuePrinter.PrintString(reason)})",
    };

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return "";
        }
        var literal = BlockStrings.IsPrintableAsBlockString(description)
            ? BlockStrings.Print(description)
            : ValuePrinter.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}

/// <summary>Block strings as graphql-js prints them (language/blockString: printBlockString, isPrintableAsBlockString).</summary>
internal static class BlockStrings
{
    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(line => line.Length == 0 || IsWhiteSpace(line[0]));
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var result = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }
        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            result.Append('\n');
        }
        return result.Append("\"\"\"").ToString();
    }

    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }
        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case <= '\x08' or '\x0b' or '\x0c' or '\x0e' or '\x0f' or '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';
}
