using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Introspection;

/// <summary>
/// The introspection system of spec section 4.2 (<c>__Schema</c>, <c>__Type</c>, ...), declared with the same
/// code-first API as any schema, with descriptions and field order as graphql-js has them.
/// </summary>
internal static class IntrospectionTypes
{
    private const string IncludeDeprecated = "includeDeprecated";

    // Built per schema: the builders are only configuration, and the tables below must be initialized first.
    public static IReadOnlyList<SchemaBuilder.Declaration> Declarations => Declare();

    /// <summary>__typename, __schema and __type, resolved against the schema being built.</summary>
    public static MetaFields CreateMetaFields(IReadOnlyDictionary<string, NamedType> types)
    {
        var typeName = new FieldDefinition("__typename", new NonNullType(Scalars.String), "The name of the current Object type at runtime.")
        {
            Resolver = context => new ValueTask<object?>(context.ParentType.Name),
        };
        var schema = new FieldDefinition("__schema", new NonNullType(types["__Schema"]), "Access the current type schema of this server.")
        {
            Resolver = context => new ValueTask<object?>(context.Schema),
        };
        var type = new FieldDefinition("__type", types["__Type"], "Request the type information of a single type.")
        {
            Resolver = context => new ValueTask<object?>(context.Schema.GetType(context.Argument<string>("name"))),
        };
        type.Arguments.Add("name", new InputValueDefinition("name", new NonNullType(Scalars.String)));
        return new MetaFields(typeName, schema, type);
    }

    private static List<SchemaBuilder.Declaration> Declare()
    {
        var schema = new ObjectTypeBuilder()
            .Description("A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.")
            .Field("description", "String", f => f.From<Schema>(s => s.Description))
            .Field("types", "[__Type!]!", f => f.Description("A list of all types supported by this server.").From<Schema>(s => s.Types))
            .Field("queryType", "__Type!", f => f.Description("The type that query operations will be rooted at.").From<Schema>(s => s.QueryType))
            .Field("mutationType", "__Type", f => f.Description("If this server supports mutation, the type that mutation operations will be rooted at.").From<Schema>(s => s.MutationType))
            .Field("subscriptionType", "__Type", f => f.Description("If this server support subscription, the type that subscription operations will be rooted at.").From<Schema>(s => s.SubscriptionType))
            .Field("directives", "[__Directive!]!", f => f
                .Description("A list of all directives supported by this server.")
                .Argument(IncludeDeprecated, "Boolean!", false)
                .From<Schema>(s => s.Directives));

        var directive = new ObjectTypeBuilder()
            .Description("A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.")
            .Field("name", "String!", f => f.From<DirectiveDefinition>(d => d.Name))
            .Field("description", "String", f => f.From<DirectiveDefinition>(d => d.Description))
            .Field("isRepeatable", "Boolean!", f => f.From<DirectiveDefinition>(d => d.IsRepeatable))
            .Field("locations", "[__DirectiveLocation!]!", f => f.From<DirectiveDefinition>(d => d.Locations))
            .Field("args", "[__InputValue!]!", f => f
                .Argument(IncludeDeprecated, "Boolean!", false)
                .Resolve(c => Filter(c, c.Source<DirectiveDefinition>().Arguments.Values)))
            // graphql-js 17 announces deprecated directives; this engine has none, but answers alike.
            .Field("isDeprecated", "Boolean!", f => f.Resolve(_ => false))
            .Field("deprecationReason", "String", f => f.Resolve(_ => null));

        var directiveLocation = new EnumTypeBuilder()
            .Description("A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");
        foreach (var (location, description) in LocationDescriptions)
        {
            directiveLocation.Value(location.ToSdlName(), location, description);
        }

        var type = new ObjectTypeBuilder()
            .Description("The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.")
            .Field("kind", "__TypeKind!", f => f.From<GraphQLType>(t => t.Kind))
            .Field("name", "String", f => f.From<GraphQLType>(t => (t as NamedType)?.Name))
            .Field("description", "String", f => f.From<GraphQLType>(t => (t as NamedType)?.Description))
            .Field("specifiedByURL", "String", f => f.From<GraphQLType>(t => (t as ScalarType)?.SpecifiedByUrl))
            .Field("fields", "[__Field!]", f => f
                .Argument(IncludeDeprecated, "Boolean!", false)
                .Resolve(c => c.Parent is ComplexType complex ? Filter(c, complex.Fields.Values) : null))
            .Field("interfaces", "[__Type!]", f => f.From<GraphQLType>(t => (t as ComplexType)?.Interfaces))
            .Field("possibleTypes", "[__Type!]", f => f.Resolve(c => c.Parent is NamedType { IsAbstract: true } named ? c.Schema.GetPossibleTypes(named) : null))
            .Field("enumValues", "[__EnumValue!]", f => f
                .Argument(IncludeDeprecated, "Boolean!", false)
                .Resolve(c => c.Parent is EnumType e ? Filter(c, e.Values.Values) : null))
            .Field("inputFields", "[__InputValue!]", f => f
                .Argument(IncludeDeprecated, "Boolean!", false)
                .Resolve(c => c.Parent is InputObjectType input ? Filter(c, input.Fields.Values) : null))
            .Field("ofType", "__Type", f => f.From<GraphQLType>(t => t switch
            {
                ListType list => list.OfType,
                NonNullType nonNull => nonNull.OfType,
                _ => null,
            }))
            .Field("isOneOf", "Boolean", f => f.From<GraphQLType>(t => t is InputObjectType input ? input.IsOneOf : null));

        var field = new ObjectTypeBuilder()
            .Description("Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.")
            .Field("name", "String!", f => f.From<FieldDefinition>(d => d.Name))
            .Field("description", "String", f => f.From<FieldDefinition>(d => d.Description))
            .Field("args", "[__InputValue!]!", f => f
                .Argument(IncludeDeprecated, "Boolean!", false)
                .Resolve(c => Filter(c, c.Source<FieldDefinition>().Arguments.Values)))
            .Field("type", "__Type!", f => f.From<FieldDefinition>(d => d.Type))
            .Field("isDeprecated", "Boolean!", f => f.From<FieldDefinition>(d => d.IsDeprecated))
            .Field("deprecationReason", "String", f => f.From<FieldDefinition>(d => d.DeprecationReason));

        var inputValue = new ObjectTypeBuilder()
            .Description("Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.")
            .Field("name", "String!", f => f.From<InputValueDefinition>(d => d.Name))
            .Field("description", "String", f => f.From<InputValueDefinition>(d => d.Description))
            .Field("type", "__Type!", f => f.From<InputValueDefinition>(d => d.Type))
            .Field("defaultValue", "String", f => f
                .Description("A GraphQL-formatted string representing the default value for this input value.")
                .From<InputValueDefinition>(d => d.DefaultLiteral))
            .Field("isDeprecated", "Boolean!", f => f.From<InputValueDefinition>(d => d.IsDeprecated))
            .Field("deprecationReason", "String", f => f.From<InputValueDefinition>(d => d.DeprecationReason));

        var enumValue = new ObjectTypeBuilder()
            .Description("One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.")
            .Field("name", "String!", f => f.From<EnumValueDefinition>(d => d.Name))
            .Field("description", "String", f => f.From<EnumValueDefinition>(d => d.Description))
            .Field("isDeprecated", "Boolean!", f => f.From<EnumValueDefinition>(d => d.IsDeprecated))
            .Field("deprecationReason", "String", f => f.From<EnumValueDefinition>(d => d.DeprecationReason));

        var typeKind = new EnumTypeBuilder().Description("An enum describing what kind of type a given `__Type` is.");
        foreach (var (kind, description) in KindDescriptions)
        {
            typeKind.Value(Naming.ToScreamingSnakeCase(kind.ToString()), kind, description);
        }

        return
        [
            new("__Schema", schema),
            new("__Directive", directive),
            new("__DirectiveLocation", directiveLocation),
            new("__Type", type),
            new("__Field", field),
            new("__InputValue", inputValue),
            new("__EnumValue", enumValue),
            new("__TypeKind", typeKind),
        ];
    }

    private static List<T> Filter<T>(ResolveContext context, IEnumerable<T> items) => context.Argument<bool>(IncludeDeprecated)
        ? items.ToList()
        : items.Where(item => item switch
        {
            TypedMember member => !member.IsDeprecated,
            EnumValueDefinition e => !e.IsDeprecated,
            _ => true,
        }).ToList();

    private static readonly (TypeKind, string)[] KindDescriptions =
    [
        (TypeKind.Scalar, "Indicates this type is a scalar."),
        (TypeKind.Object, "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
        (TypeKind.Interface, "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."),
        (TypeKind.Union, "Indicates this type is a union. `possibleTypes` is a valid field."),
        (TypeKind.Enum, "Indicates this type is an enum. `enumValues` is a valid field."),
        (TypeKind.InputObject, "Indicates this type is an input object. `inputFields` is a valid field."),
        (TypeKind.List, "Indicates this type is a list. `ofType` is a valid field."),
        (TypeKind.NonNull, "Indicates this type is a non-null. `ofType` is a valid field."),
    ];

    private static readonly (DirectiveLocation, string)[] LocationDescriptions =
    [
        (DirectiveLocation.Query, "Location adjacent to a query operation."),
        (DirectiveLocation.Mutation, "Location adjacent to a mutation operation."),
        (DirectiveLocation.Subscription, "Location adjacent to a subscription operation."),
        (DirectiveLocation.Field, "Location adjacent to a field."),
        (DirectiveLocation.FragmentDefinition, "Location adjacent to a fragment definition."),
        (DirectiveLocation.FragmentSpread, "Location adjacent to a fragment spread."),
        (DirectiveLocation.InlineFragment, "Location adjacent to an inline fragment."),
        (DirectiveLocation.VariableDefinition, "Location adjacent to an operation variable definition."),
        (DirectiveLocation.FragmentVariableDefinition, "Location adjacent to a fragment variable definition."),
        (DirectiveLocation.Schema, "Location adjacent to a schema definition."),
        (DirectiveLocation.Scalar, "Location adjacent to a scalar definition."),
        (DirectiveLocation.Object, "Location adjacent to an object type definition."),
        (DirectiveLocation.FieldDefinition, "Location adjacent to a field definition."),
        (DirectiveLocation.ArgumentDefinition, "Location adjacent to an argument definition."),
        (DirectiveLocation.Interface, "Location adjacent to an interface definition."),
        (DirectiveLocation.Union, "Location adjacent to a union definition."),
        (DirectiveLocation.Enum, "Location adjacent to an enum definition."),
        (DirectiveLocation.EnumValue, "Location adjacent to an enum value definition."),
        (DirectiveLocation.InputObject, "Location adjacent to an input object type definition."),
        (DirectiveLocation.InputFieldDefinition, "Location adjacent to an input object field definition."),
        (DirectiveLocation.DirectiveDefinition, "Location adjacent to a directive definition."),
    ];
}
