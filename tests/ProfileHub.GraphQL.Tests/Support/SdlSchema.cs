using System.Globalization;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>
/// Builds a schema from SDL through the code-first <see cref="SchemaBuilder"/>, so tests (and the conformance
/// harness) can state a schema in the same text graphql-js's <c>buildSchema</c> reads. Resolvers are not declared:
/// this is for validation and printing, or for callers that add resolvers through the field callback.
/// </summary>
internal static class SdlSchema
{
    public static Schema Build(string sdl, Action<string, string, FieldBuilder>? configureField = null)
    {
        var document = Parser.Parse(sdl);
        var builder = new SchemaBuilder();
        var schemaDefinition = document.Definitions.OfType<SchemaDefinitionNode>().SingleOrDefault();
        if (schemaDefinition is not null)
        {
            if (schemaDefinition.Description is { } description)
            {
                builder.Description(description.Value);
            }

            string? Root(OperationType operation) =>
                schemaDefinition.OperationTypes.FirstOrDefault(o => o.Operation == operation)?.Type.Name.Value;
            builder.RootTypes(Root(OperationType.Query) ?? "Query", Root(OperationType.Mutation), Root(OperationType.Subscription));
        }
        else
        {
            var defined = document.Definitions.OfType<ObjectTypeDefinitionNode>().Select(o => o.Name.Value).ToHashSet();
            builder.RootTypes(
                "Query", defined.Contains("Mutation") ? "Mutation" : null, defined.Contains("Subscription") ? "Subscription" : null);
        }

        foreach (var definition in document.Definitions)
        {
            Declare(builder, definition, configureField);
        }

        return builder.Build();
    }

    private static void Declare(SchemaBuilder builder, DefinitionNode definition, Action<string, string, FieldBuilder>? configureField)
    {
        switch (definition)
        {
            case ObjectTypeDefinitionNode o:
                builder.Object(o.Name.Value, t =>
                {
                    Describe(o.Description, d => t.Description(d));
                    t.Implements([.. o.Interfaces.Select(i => i.Name.Value)]);
                    DeclareFields(o.Name.Value, o.Fields, (name, type, configure) => t.Field(name, type, configure), configureField);
                });
                break;
            case InterfaceTypeDefinitionNode i:
                builder.Interface(i.Name.Value, t =>
                {
                    Describe(i.Description, d => t.Description(d));
                    t.Implements([.. i.Interfaces.Select(n => n.Name.Value)]);
                    DeclareFields(i.Name.Value, i.Fields, (name, type, configure) => t.Field(name, type, configure), configureField);
                });
                break;
            case UnionTypeDefinitionNode u:
                builder.Union(u.Name.Value, t =>
                {
                    Describe(u.Description, d => t.Description(d));
                    t.Types([.. u.Types.Select(m => m.Name.Value)]);
                });
                break;
            case EnumTypeDefinitionNode e:
                builder.Enum(e.Name.Value, t =>
                {
                    Describe(e.Description, d => t.Description(d));
                    foreach (var value in e.Values)
                    {
                        t.Value(value.Name.Value, null, value.Description?.Value, DeprecationReason(value.Directives));
                    }
                });
                break;
            case InputObjectTypeDefinitionNode input:
                builder.Input(input.Name.Value, t =>
                {
                    Describe(input.Description, d => t.Description(d));
                    if (input.Directives.Any(d => d.Name.Value == "oneOf"))
                    {
                        t.OneOf();
                    }

                    foreach (var field in input.Fields)
                    {
                        t.Field(field.Name.Value, Printer.Print(field.Type), v => ConfigureInputValue(field, v));
                    }
                });
                break;
            case ScalarTypeDefinitionNode scalar when Scalars.Custom.FirstOrDefault(s => s.Name == scalar.Name.Value) is { } known:
                builder.Scalar(known);
                break;
            case ScalarTypeDefinitionNode scalar:
                builder.Scalar(new OpaqueScalar(scalar.Name.Value, scalar.Description?.Value));
                break;
            case DirectiveDefinitionNode directive:
                var locations = directive.Locations.Select(l => Enum.Parse<DirectiveLocation>(l.Value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true)).ToList();
                builder.Directive(directive.Name.Value, locations, d =>
                {
                    Describe(directive.Description, text => d.Description(text));
                    if (directive.Repeatable)
                    {
                        d.IsRepeatable();
                    }

                    foreach (var argument in directive.Arguments)
                    {
                        d.Argument(argument.Name.Value, Printer.Print(argument.Type), v => ConfigureInputValue(argument, v));
                    }
                });
                break;
            default:
                break;
        }
    }

    private static void DeclareFields(
        string typeName,
        IReadOnlyList<FieldDefinitionNode> fields,
        Action<string, string, Action<FieldBuilder>> add,
        Action<string, string, FieldBuilder>? configureField)
    {
        foreach (var field in fields)
        {
            add(field.Name.Value, Printer.Print(field.Type), f =>
            {
                Describe(field.Description, d => f.Description(d));
                if (DeprecationReason(field.Directives) is { } reason)
                {
                    f.Deprecated(reason);
                }

                foreach (var argument in field.Arguments)
                {
                    f.Argument(argument.Name.Value, Printer.Print(argument.Type), v => ConfigureInputValue(argument, v));
                }

                configureField?.Invoke(typeName, field.Name.Value, f);
            });
        }
    }

    private static void ConfigureInputValue(InputValueDefinitionNode node, InputValueBuilder value)
    {
        Describe(node.Description, d => value.Description(d));
        if (node.DefaultValue is { } literal)
        {
            value.DefaultValue(PlainValue(literal));
        }

        if (DeprecationReason(node.Directives) is { } reason)
        {
            value.Deprecated(reason);
        }
    }

    /// <summary>A constant literal as the plain value the builder takes: numbers, strings, enum names, lists, dictionaries.</summary>
    public static object? PlainValue(ValueNode literal) => literal switch
    {
        IntValueNode i => long.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        NullValueNode => null,
        EnumValueNode e => e.Value,
        ListValueNode l => l.Values.Select(PlainValue).ToList(),
        ObjectValueNode o => o.Fields.ToDictionary(f => f.Name.Value, f => PlainValue(f.Value)),
        _ => throw new ArgumentException($"Not a constant value: {Printer.Print(literal)}", nameof(literal)),
    };

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null)
        {
            return null;
        }

        return deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value is StringValueNode reason
            ? reason.Value
            : SpecifiedDirectives.DefaultDeprecationReason;
    }

    private static void Describe(StringValueNode? description, Action<string> apply)
    {
        if (description is not null)
        {
            apply(description.Value);
        }
    }

    /// <summary>A custom scalar declared only in SDL: any literal or value passes through unchanged.</summary>
    private sealed class OpaqueScalar(string name, string? description) : ScalarType(name, description)
    {
        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => value;

        public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
            PlainValue(literal) ?? throw new CoercionException("null");
    }
}
