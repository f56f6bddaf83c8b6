using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Types;

/// <summary>A built, validated schema (spec section 3.3). Immutable once <see cref="SchemaBuilder.Build"/> returns it.</summary>
public sealed class Schema
{
    private readonly OrderedDictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directivesByName;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, HashSet<ComplexType>> _implementations = [];

    internal Schema(
        string? description,
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        OrderedDictionary<string, NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        MetaFields metaFields)
    {
        Description = description;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        _types = types;
        Directives = directives;
        _directivesByName = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        MetaFields = metaFields;
        IndexAbstractTypes();
    }

    public string? Description { get; }

    public ObjectType QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type in graphql-js's type-map order (the order introspection lists them).</summary>
    public IEnumerable<NamedType> Types => _types.Values;

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>The introspection fields <c>__typename</c>, <c>__schema</c> and <c>__type</c> (spec 4.2).</summary>
    public MetaFields MetaFields { get; }

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directivesByName.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>
    /// The field named <paramref name="name"/> on <paramref name="parentType"/>, including the introspection
    /// meta-fields where the spec allows them (graphql-js's getFieldDef).
    /// </summary>
    public FieldDefinition? GetField(NamedType parentType, string name)
    {
        if (name == "__typename" && parentType is ComplexType or UnionType)
        {
            return MetaFields.TypeName;
        }
        if (ReferenceEquals(parentType, QueryType))
        {
            if (name == "__schema")
            {
                return MetaFields.Schema;
            }
            if (name == "__type")
            {
                return MetaFields.Type;
            }
        }
        return (parentType as ComplexType)?.GetField(name);
    }

    /// <summary>The object types a value of an interface or union may have at runtime, in type-map order.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        InterfaceType => _possibleTypes.GetValueOrDefault(abstractType) ?? [],
        ObjectType objectType => [objectType],
        _ => [],
    };

    /// <summary>True when <paramref name="maybeSubType"/> is a member of the union, or implements the interface.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) => abstractType switch
    {
        UnionType union => union.Types.Contains(maybeSubType),
        InterfaceType iface => maybeSubType is ComplexType complex && _implementations.TryGetValue(iface, out var set) && set.Contains(complex),
        _ => false,
    };

    /// <summary>Covariant subtyping of field types (spec 3.6.1 IsValidImplementationFieldType; graphql-js isTypeSubTypeOf).</summary>
    public bool IsTypeSubTypeOf(GraphQLType maybeSubType, GraphQLType superType)
    {
        if (maybeSubType.IsEqualTo(superType))
        {
            return true;
        }
        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(subNonNull.OfType, superNonNull.OfType);
        }
        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(nonNull.OfType, superType);
        }
        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(subList.OfType, superList.OfType);
        }
        if (maybeSubType is ListType)
        {
            return false;
        }
        return superType.IsAbstract && maybeSubType is ComplexType && IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>Whether two composite types can share a runtime object type (graphql-js doTypesOverlap).</summary>
    public bool DoTypesOverlap(NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.IsAbstract)
        {
            return b.IsAbstract
                ? GetPossibleTypes(a).Any(type => IsSubType(b, type))
                : IsSubType(a, b);
        }
        return b.IsAbstract && IsSubType(b, a);
    }

    /// <summary>The schema in SDL, byte for byte as graphql-js's printSchema prints it.</summary>
    public string ToSdl() => SchemaPrinter.Print(this);

    private void IndexAbstractTypes()
    {
        foreach (var type in _types.Values.OfType<ComplexType>())
        {
            foreach (var iface in type.Interfaces)
            {
                if (!_implementations.TryGetValue(iface, out var set))
                {
                    _implementations[iface] = set = [];
                }
                set.Add(type);
            }
        }
        foreach (var iface in _types.Values.OfType<InterfaceType>())
        {
            _possibleTypes[iface] = _types.Values.OfType<ObjectType>().Where(o => o.Interfaces.Contains(iface)).ToList();
        }
    }
}

/// <summary>The introspection meta-fields of a schema (spec 4.2).</summary>
public sealed class MetaFields
{
    internal MetaFields(FieldDefinition typeName, FieldDefinition schema, FieldDefinition type)
    {
        TypeName = typeName;
        Schema = schema;
        Type = type;
    }

    public FieldDefinition TypeName { get; }

    public FieldDefinition Schema { get; }

    public FieldDefinition Type { get; }
}

/// <summary>The schema definition breaks a rule of spec section 3 (all the problems found are in the message).</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException()
    {
    }

    public SchemaValidationException(string message)
        : base(message)
    {
    }

    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchemaValidationException(IReadOnlyList<string> errors)
        : base("The schema is invalid:\n- " + string.Join("\n- ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
