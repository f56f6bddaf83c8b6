using ProfileHub.GraphQL.Introspection;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// The code-first schema API: declare types the way SDL reads, with resolvers next to the fields, then
/// <see cref="Build"/> a validated <see cref="Schema"/>. Type references are SDL strings (<c>"[User!]!"</c>).
/// </summary>
public sealed class SchemaBuilder
{
    private readonly List<Declaration> _declarations = [];
    private readonly List<DirectiveDeclaration> _directives = [];
    private string? _description;
    private string _queryTypeName = "Query";
    private string? _mutationTypeName;
    private string? _subscriptionTypeName;

    public SchemaBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Names the root types when they are not called Query, Mutation and Subscription.</summary>
    public SchemaBuilder RootTypes(string query, string? mutation = null, string? subscription = null)
    {
        _queryTypeName = query;
        _mutationTypeName = mutation;
        _subscriptionTypeName = subscription;
        return this;
    }

#pragma warning disable CA1720 // Object, like Interface and Enum, is named after the SDL keyword it stands for.
    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder> configure)
    {
        var builder = new ObjectTypeBuilder();
        configure(builder);
        _declarations.Add(new Declaration(name, builder));
        return this;
    }

    /// <summary>An object type whose values are <typeparamref name="TSource"/> instances (used to resolve abstract types).</summary>
    public SchemaBuilder Object<TSource>(string name, Action<ObjectTypeBuilder> configure)
    {
        var builder = new ObjectTypeBuilder { ClrType = typeof(TSource) };
        configure(builder);
        _declarations.Add(new Declaration(name, builder));
        return this;
    }

#pragma warning restore CA1720

    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        var builder = new InterfaceTypeBuilder();
        configure(builder);
        _declarations.Add(new Declaration(name, builder));
        return this;
    }

    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure)
    {
        var builder = new UnionTypeBuilder();
        configure(builder);
        _declarations.Add(new Declaration(name, builder));
        return this;
    }

    public SchemaBuilder Union(string name, params string[] members) => Union(name, u => u.Types(members));

    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure)
    {
        var builder = new EnumTypeBuilder();
        configure(builder);
        _declarations.Add(new Declaration(name, builder));
        return this;
    }

    /// <summary>An enum whose values are a .NET enum's members, named in SCREAMING_SNAKE_CASE.</summary>
    public SchemaBuilder Enum<TEnum>(string? name = null, Action<EnumTypeBuilder>? configure = null)
        where TEnum : struct, Enum
    {
        var builder = new EnumTypeBuilder();
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            builder.Value(Naming.ToScreamingSnakeCase(value.ToString()), value);
        }
        configure?.Invoke(builder);
        _declarations.Add(new Declaration(name ?? typeof(TEnum).Name, builder));
        return this;
    }

    public SchemaBuilder Input(string name, Action<InputObjectTypeBuilder> configure)
    {
        var builder = new InputObjectTypeBuilder();
        configure(builder);
        _declarations.Add(new Declaration(name, builder));
        return this;
    }

    public SchemaBuilder Scalar(ScalarType scalar)
    {
        _declarations.Add(new Declaration(scalar.Name, scalar));
        return this;
    }

    /// <summary>A custom directive definition (it is announced in introspection and printed in SDL).</summary>
    public SchemaBuilder Directive(string name, IReadOnlyList<DirectiveLocation> locations, Action<DirectiveBuilder>? configure = null)
    {
        var builder = new DirectiveBuilder();
        configure?.Invoke(builder);
        _directives.Add(new DirectiveDeclaration(name, locations, builder));
        return this;
    }

    /// <summary>Whether a type of this name is declared already (helpers that add shared types ask first).</summary>
    public bool Declares(string name) => _declarations.Exists(d => d.Name == name);

    /// <summary>Builds and validates the schema.</summary>
    /// <exception cref="SchemaValidationException">The declarations break a rule of spec section 3.</exception>
    public Schema Build()
    {
        var assembly = new SchemaAssembly(_declarations.Concat(IntrospectionTypes.Declarations), _directives);
        return assembly.Assemble(_description, _queryTypeName, _mutationTypeName, _subscriptionTypeName);
    }

    /// <summary>One declared type: its name and its builder (or a ready-made scalar).</summary>
    internal sealed record Declaration(string Name, object Builder);

    internal sealed record DirectiveDeclaration(string Name, IReadOnlyList<DirectiveLocation> Locations, DirectiveBuilder Builder);
}

public sealed class DirectiveBuilder
{
    internal List<InputValueBuilder> Arguments { get; } = [];

    internal string? DescriptionText { get; private set; }

    internal bool Repeatable { get; private set; }

    public DirectiveBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public DirectiveBuilder IsRepeatable()
    {
        Repeatable = true;
        return this;
    }

    public DirectiveBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, type);
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }
}

internal static class Naming
{
    /// <summary><c>HasNextPage</c> → <c>HAS_NEXT_PAGE</c>, the convention for enum values.</summary>
    public static string ToScreamingSnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(name[i]));
        }
        return builder.ToString();
    }

    /// <summary>Names must match <c>/[_A-Za-z][_0-9A-Za-z]*/</c> (spec 2.1.9).</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
