using ProfileHub.GraphQL.Introspection;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// Turns the builder's declarations into linked type objects: creates every named type, resolves SDL type
/// references, coerces default values, orders the type map as graphql-js does, then validates.
/// </summary>
internal sealed class SchemaAssembly
{
    private readonly List<SchemaBuilder.Declaration> _declarations;
    private readonly List<SchemaBuilder.DirectiveDeclaration> _directiveDeclarations;
    private readonly Dictionary<string, NamedType> _byName = new(StringComparer.Ordinal);
    private readonly List<NamedType> _declaredOrder = [];
    private readonly List<string> _errors = [];

    public SchemaAssembly(IEnumerable<SchemaBuilder.Declaration> declarations, List<SchemaBuilder.DirectiveDeclaration> directives)
    {
        _declarations = declarations.ToList();
        _directiveDeclarations = directives;
    }

    public Schema Assemble(string? description, string queryName, string? mutationName, string? subscriptionName)
    {
        foreach (var scalar in Scalars.Specified)
        {
            _byName[scalar.Name] = scalar;
        }
        foreach (var declaration in _declarations)
        {
            CreateType(declaration);
        }
        foreach (var declaration in _declarations)
        {
            Populate(declaration);
        }
        // Custom directives first, then the specified ones: the order graphql-js's buildSchema gives.
        var directives = _directiveDeclarations.Select(CreateDirective).Concat(SpecifiedDirectives.All).ToList();
        var query = RootType(queryName, "Query", required: true);
        var mutation = mutationName is null ? _byName.GetValueOrDefault("Mutation") as ObjectType : RootType(mutationName, "Mutation", required: true);
        var subscription = subscriptionName is null ? _byName.GetValueOrDefault("Subscription") as ObjectType : RootType(subscriptionName, "Subscription", required: true);
        if (query is null)
        {
            throw new SchemaValidationException(_errors);
        }
        var types = CollectTypes(query, mutation, subscription, directives);
        var metaFields = IntrospectionTypes.CreateMetaFields(_byName);
        var schema = new Schema(description, query, mutation, subscription, types, directives, metaFields);
        var errors = new SchemaValidator(schema, _errors).Validate();
        return errors.Count > 0 ? throw new SchemaValidationException(errors) : schema;
    }

    private ObjectType? RootType(string name, string operation, bool required)
    {
        var type = _byName.GetValueOrDefault(name);
        if (type is ObjectType objectType)
        {
            return objectType;
        }
        if (type is not null || required)
        {
            _errors.Add(type is null
                ? $"{operation} root type must be provided: declare an object type \"{name}\"."
                : $"{operation} root type must be Object type, it cannot be {type.Name}.");
        }
        return null;
    }

    private void CreateType(SchemaBuilder.Declaration declaration)
    {
        NamedType type = declaration.Builder switch
        {
            ObjectTypeBuilder b => new ObjectType(declaration.Name, b.DescriptionText) { IsTypeOf = b.IsTypeOfCheck, ClrType = b.ClrType },
            InterfaceTypeBuilder b => new InterfaceType(declaration.Name, b.DescriptionText) { ResolveType = b.TypeResolver },
            UnionTypeBuilder b => new UnionType(declaration.Name, b.DescriptionText) { ResolveType = b.TypeResolver },
            EnumTypeBuilder b => new EnumType(declaration.Name, b.DescriptionText),
            InputObjectTypeBuilder b => new InputObjectType(declaration.Name, b.DescriptionText) { IsOneOf = b.IsOneOf },
            ScalarType scalar => scalar,
            _ => throw new InvalidOperationException("Unknown declaration."),
        };
        if (!_byName.TryAdd(declaration.Name, type))
        {
            _errors.Add(Scalars.IsSpecified(_byName[declaration.Name])
                ? $"Type \"{declaration.Name}\" is a built-in scalar and cannot be redeclared."
                : $"There can be only one type named \"{declaration.Name}\".");
            return;
        }
        if (!declaration.Name.StartsWith("__", StringComparison.Ordinal))
        {
            _declaredOrder.Add(type);
        }
    }

    private void Populate(SchemaBuilder.Declaration declaration)
    {
        var type = _byName[declaration.Name];
        switch (declaration.Builder)
        {
            case ObjectTypeBuilder b when type is ObjectType objectType:
                PopulateComplex(objectType, b.InterfaceNames, b.Fields, b.FieldAuthorizationDefault);
                break;
            case InterfaceTypeBuilder b when type is InterfaceType interfaceType:
                PopulateComplex(interfaceType, b.InterfaceNames, b.Fields, b.FieldAuthorizationDefault);
                break;
            case UnionTypeBuilder b when type is UnionType union:
                union.Types = b.Members.Select(member => Lookup(member, $"Union type {union.Name}") as ObjectType
                    ?? ReportNonObjectMember(union, member)).OfType<ObjectType>().ToList();
                break;
            case EnumTypeBuilder b when type is EnumType enumType:
                foreach (var value in b.Values)
                {
                    if (enumType.Values.ContainsKey(value.Name))
                    {
                        _errors.Add($"Enum type {enumType.Name} can include value {value.Name} only once.");
                        continue;
                    }
                    enumType.Add(value);
                }
                break;
            case InputObjectTypeBuilder b when type is InputObjectType input:
                foreach (var field in b.Fields)
                {
                    AddInputValue(input.Fields, field, $"{input.Name}.{field.Name}");
                }
                break;
        }
    }

    private ObjectType? ReportNonObjectMember(UnionType union, string member)
    {
        if (_byName.ContainsKey(member))
        {
            _errors.Add($"Union type {union.Name} can only include Object types, it cannot include {member}.");
        }
        return null;
    }

    private void PopulateComplex(ComplexType type, List<string> interfaceNames, List<FieldBuilder> fields, FieldAuthorization? authorizationDefault)
    {
        var interfaces = new List<InterfaceType>();
        foreach (var name in interfaceNames)
        {
            var found = Lookup(name, $"Type {type.Name}");
            if (found is InterfaceType iface)
            {
                interfaces.Add(iface);
            }
            else if (found is not null)
            {
                _errors.Add($"Type {type.Name} must only implement Interface types, it cannot implement {name}.");
            }
        }
        type.Interfaces = interfaces;
        foreach (var field in fields)
        {
            var fieldType = ParseReference(field.TypeReference, $"{type.Name}.{field.Name}");
            if (fieldType is null)
            {
                continue;
            }
            var authorization = field.AuthorizationPolicy ?? authorizationDefault;
            var definition = new FieldDefinition(field.Name, fieldType, field.DescriptionText)
            {
                DeprecationReason = field.DeprecationReason,
                Authorization = authorization,
                Resolver = FieldAuthorization.Guard(authorization, field.Resolver),
                Cost = field.CostWeight,
                SlicingArguments = field.Slicing,
            };
            foreach (var argument in field.Arguments)
            {
                AddInputValue(definition.Arguments, argument, $"{type.Name}.{field.Name}({argument.Name}:)");
            }
            if (!type.Fields.TryAdd(field.Name, definition))
            {
                _errors.Add($"Field \"{type.Name}.{field.Name}\" can only be defined once.");
            }
        }
    }

    private void AddInputValue(OrderedDictionary<string, InputValueDefinition> target, InputValueBuilder builder, string coordinate)
    {
        var type = ParseReference(builder.TypeReference, coordinate);
        if (type is null)
        {
            return;
        }
        var definition = new InputValueDefinition(builder.Name, type, builder.DescriptionText)
        {
            DeprecationReason = builder.DeprecationReason,
        };
        if (!target.TryAdd(builder.Name, definition))
        {
            _errors.Add($"Argument or input field \"{coordinate}\" can only be defined once.");
            return;
        }
        if (builder.HasDefault)
        {
            // Defaults are coerced once all types exist: they may name enum values and input objects.
            _pendingDefaults.Add((definition, builder.Default, coordinate));
        }
    }

    private readonly List<(InputValueDefinition Definition, object? Value, string Coordinate)> _pendingDefaults = [];

    private DirectiveDefinition CreateDirective(SchemaBuilder.DirectiveDeclaration declaration)
    {
        var directive = new DirectiveDefinition(declaration.Name, declaration.Locations, declaration.Builder.DescriptionText, declaration.Builder.Repeatable);
        foreach (var argument in declaration.Builder.Arguments)
        {
            AddInputValue(directive.Arguments, argument, $"@{declaration.Name}({argument.Name}:)");
        }
        return directive;
    }

    private NamedType? Lookup(string name, string referencedBy)
    {
        if (_byName.TryGetValue(name, out var type))
        {
            return type;
        }
        var custom = Scalars.Custom.FirstOrDefault(s => s.Name == name);
        if (custom is not null)
        {
            // DateTime, Long and JSON join the schema when something refers to them.
            _byName[name] = custom;
            _declaredOrder.Add(custom);
            return custom;
        }
        _errors.Add($"{referencedBy} refers to unknown type \"{name}\".");
        return null;
    }

    /// <summary>Parses an SDL type reference: <c>Name</c>, <c>[T]</c>, <c>T!</c>.</summary>
    private GraphQLType? ParseReference(string reference, string coordinate)
    {
        var text = reference.Trim();
        if (text.EndsWith('!'))
        {
            var inner = ParseReference(text[..^1], coordinate);
            return inner switch
            {
                null => null,
                NonNullType => Invalid(reference, coordinate),
                _ => new NonNullType(inner),
            };
        }
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            var inner = ParseReference(text[1..^1], coordinate);
            return inner is null ? null : new ListType(inner);
        }
        return Naming.IsValidName(text) ? Lookup(text, coordinate) : Invalid(reference, coordinate);
    }

    private GraphQLType? Invalid(string reference, string coordinate)
    {
        _errors.Add($"{coordinate} has an invalid type reference \"{reference}\".");
        return null;
    }

    /// <summary>
    /// The type map in graphql-js's order (GraphQLSchema constructor): declared types in order, each followed by
    /// the not-yet-seen types it refers to depth first, then root types, directive arguments and introspection.
    /// </summary>
    private OrderedDictionary<string, NamedType> CollectTypes(ObjectType query, ObjectType? mutation, ObjectType? subscription, List<DirectiveDefinition> directives)
    {
        CoercePendingDefaults();
        var result = new OrderedDictionary<string, NamedType>(StringComparer.Ordinal);
        var declared = new HashSet<NamedType>(_declaredOrder);
        foreach (var type in _declaredOrder)
        {
            result.Add(type.Name, type);
            VisitChildren(type, result, declared);
        }
        foreach (var root in new[] { query, mutation, subscription })
        {
            if (root is not null)
            {
                Visit(root, result, declared);
            }
        }
        foreach (var argument in directives.SelectMany(d => d.Arguments.Values))
        {
            Visit(argument.Type.Named, result, declared);
        }
        Visit(_byName["__Schema"], result, declared);
        return result;
    }

    private static void Visit(NamedType type, OrderedDictionary<string, NamedType> result, HashSet<NamedType> declared)
    {
        if (result.TryAdd(type.Name, type))
        {
            VisitChildren(type, result, declared);
        }
    }

    private static void VisitChildren(NamedType type, OrderedDictionary<string, NamedType> result, HashSet<NamedType> declared)
    {
        var children = type switch
        {
            UnionType union => union.Types.Cast<NamedType>(),
            ComplexType complex => complex.Interfaces.Cast<NamedType>().Concat(complex.Fields.Values.SelectMany(f =>
                f.Arguments.Values.Select(a => a.Type.Named).Prepend(f.Type.Named))),
            InputObjectType input => input.Fields.Values.Select(f => f.Type.Named),
            _ => [],
        };
        foreach (var child in children)
        {
            if (!declared.Contains(child))
            {
                Visit(child, result, declared);
            }
        }
    }

    private void CoercePendingDefaults()
    {
        // Input fields first, so that an argument's default object picks up its fields' own defaults.
        var inputFieldsFirst = _pendingDefaults.OrderBy(pending => pending.Coordinate.Contains('(', StringComparison.Ordinal) ? 1 : 0).ToList();
        var valid = new List<(InputValueDefinition Definition, object? Value)>();
        foreach (var (definition, value, coordinate) in inputFieldsFirst)
        {
            var before = _errors.Count;
            var coerced = InputCoercion.Coerce(value, definition.Type, (path, message) =>
                _errors.Add($"{coordinate} has an invalid default value{InputCoercion.AtPath(path)}: {message}"));
            definition.HasDefaultValue = true;
            definition.DefaultValue = coerced;
            if (_errors.Count == before)
            {
                valid.Add((definition, value));
            }
        }
        foreach (var (definition, value) in valid)
        {
            // graphql-js 17 prints a default as it was written, before its fields' defaults are applied.
            definition.DefaultLiteral = ValuePrinter.Print(value, definition.Type);
        }
    }
}
