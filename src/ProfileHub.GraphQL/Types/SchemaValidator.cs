namespace ProfileHub.GraphQL.Types;

/// <summary>
/// The type system's own validation (spec 3.6.1, 3.7.1, 3.8.1, 3.9.1, 3.10.1, 3.13.1; graphql-js validateSchema):
/// names, field and argument types, interface implementation, union members, enum values, input cycles.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly Schema _schema;
    private readonly List<string> _errors;

    public SchemaValidator(Schema schema, List<string> errors)
    {
        _schema = schema;
        _errors = errors;
    }

    public List<string> Validate()
    {
        foreach (var directive in _schema.Directives.Where(d => !SpecifiedDirectives.IsSpecified(d)))
        {
            ValidateName(directive.Name, $"Directive @{directive.Name}");
            if (directive.Locations.Count == 0)
            {
                _errors.Add($"Directive @{directive.Name} must include at least one location.");
            }
            ValidateArguments(directive.Arguments.Values, $"@{directive.Name}");
        }
        foreach (var type in _schema.Types.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            ValidateName(type.Name, $"Type {type.Name}");
            switch (type)
            {
                case ObjectType objectType:
                    ValidateFields(objectType);
                    ValidateInterfaces(objectType);
                    break;
                case InterfaceType interfaceType:
                    ValidateFields(interfaceType);
                    ValidateInterfaces(interfaceType);
                    break;
                case UnionType union:
                    ValidateUnion(union);
                    break;
                case EnumType enumType:
                    ValidateEnum(enumType);
                    break;
                case InputObjectType input:
                    ValidateInputObject(input);
                    break;
            }
        }
        return _errors;
    }

    private void ValidateName(string name, string what)
    {
        if (!Naming.IsValidName(name))
        {
            _errors.Add($"{what}: names must match /^[_a-zA-Z][_a-zA-Z0-9]*$/ but \"{name}\" does not.");
        }
        else if (name.StartsWith("__", StringComparison.Ordinal))
        {
            _errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    private void ValidateFields(ComplexType type)
    {
        if (type.Fields.Count == 0)
        {
            _errors.Add($"Type {type.Name} must define one or more fields.");
        }
        foreach (var field in type.Fields.Values)
        {
            ValidateName(field.Name, $"Field {type.Name}.{field.Name}");
            if (!field.Type.IsOutputType)
            {
                _errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }
            ValidateArguments(field.Arguments.Values, $"{type.Name}.{field.Name}");
        }
    }

    private void ValidateArguments(IEnumerable<InputValueDefinition> arguments, string owner)
    {
        foreach (var argument in arguments)
        {
            ValidateName(argument.Name, $"Argument {owner}({argument.Name}:)");
            if (!argument.Type.IsInputType)
            {
                _errors.Add($"The type of {owner}({argument.Name}:) must be Input Type but got: {argument.Type}.");
            }
            if (argument.IsRequired && argument.IsDeprecated)
            {
                _errors.Add($"Required argument {owner}({argument.Name}:) cannot be deprecated.");
            }
        }
    }

    private void ValidateInterfaces(ComplexType type)
    {
        var seen = new HashSet<InterfaceType>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                _errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }
            if (!seen.Add(iface))
            {
                _errors.Add($"Type {type.Name} can only implement {iface.Name} once.");
                continue;
            }
            foreach (var transitive in iface.Interfaces.Where(t => !type.Interfaces.Contains(t)))
            {
                _errors.Add(ReferenceEquals(transitive, type)
                    ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                    : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
            }
            ValidateImplementation(type, iface);
        }
    }

    private void ValidateImplementation(ComplexType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields.Values)
        {
            var field = type.GetField(ifaceField.Name);
            if (field is null)
            {
                _errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.");
                continue;
            }
            if (!_schema.IsTypeSubTypeOf(field.Type, ifaceField.Type))
            {
                _errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
            }
            foreach (var ifaceArg in ifaceField.Arguments.Values)
            {
                var arg = field.GetArgument(ifaceArg.Name);
                if (arg is null)
                {
                    _errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                }
                else if (!arg.Type.IsEqualTo(ifaceArg.Type))
                {
                    _errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{field.Name}({arg.Name}:) is type {arg.Type}.");
                }
            }
            foreach (var arg in field.Arguments.Values.Where(a => a.IsRequired && ifaceField.GetArgument(a.Name) is null))
            {
                _errors.Add($"Argument \"{type.Name}.{field.Name}({arg.Name}:)\" must not be required type \"{arg.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".");
            }
        }
    }

    private void ValidateUnion(UnionType union)
    {
        if (union.Types.Count == 0)
        {
            _errors.Add($"Union type {union.Name} must define one or more member types.");
        }
        foreach (var duplicate in union.Types.GroupBy(t => t.Name).Where(g => g.Count() > 1))
        {
            _errors.Add($"Union type {union.Name} can only include type {duplicate.Key} once.");
        }
    }

    private void ValidateEnum(EnumType enumType)
    {
        if (enumType.Values.Count == 0)
        {
            _errors.Add($"Enum type {enumType.Name} must define one or more values.");
        }
        foreach (var value in enumType.Values.Keys)
        {
            ValidateName(value, $"Enum value {enumType.Name}.{value}");
            if (value is "true" or "false" or "null")
            {
                _errors.Add($"Enum type {enumType.Name} cannot include value: {value}.");
            }
        }
    }

    private void ValidateInputObject(InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            _errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }
        foreach (var field in input.Fields.Values)
        {
            ValidateName(field.Name, $"Input field {input.Name}.{field.Name}");
            if (!field.Type.IsInputType)
            {
                _errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }
            if (field.IsRequired && field.IsDeprecated)
            {
                _errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }
            if (input.IsOneOf)
            {
                if (field.Type.IsNonNull)
                {
                    _errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }
                if (field.HasDefaultValue)
                {
                    _errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
        var cycle = FindNonNullCycle(input, input, [], []);
        if (cycle is not null)
        {
            _errors.Add($"Cannot reference Input Object \"{input.Name}\" within itself through a series of non-null fields: \"{cycle}\".");
        }
    }

    /// <summary>A chain of non-null, non-list input fields leading back to <paramref name="start"/> can never be satisfied.</summary>
    private static string? FindNonNullCycle(InputObjectType start, InputObjectType current, List<string> path, HashSet<InputObjectType> visited)
    {
        if (!visited.Add(current))
        {
            return null;
        }
        foreach (var field in current.Fields.Values)
        {
            if (field.Type is NonNullType { OfType: InputObjectType next })
            {
                path.Add(field.Name);
                if (ReferenceEquals(next, start))
                {
                    return string.Join(".", path);
                }
                var found = FindNonNullCycle(start, next, path, visited);
                if (found is not null)
                {
                    return found;
                }
                path.RemoveAt(path.Count - 1);
            }
        }
        return null;
    }
}
