using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.1 Field Selections: a selected field exists on its parent type. The hint suggests an inline fragment
/// on the types that have the field, else similarly named fields (as graphql-js).
/// </summary>
internal sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode field && Context.ParentType is { } type && Context.FieldDefinition is null)
        {
            var name = field.Name.Value;
            var hint = Suggestions.DidYouMean("to use an inline fragment on", SuggestedTypeNames(type, name));
            if (hint.Length == 0)
            {
                hint = Suggestions.DidYouMean(type is ComplexType complex ? Suggestions.List(name, complex.Fields.Keys) : []);
            }

            Context.ReportError($"Cannot query field \"{name}\" on type \"{type.Name}\"." + hint, field);
        }

        return true;
    }

    /// <summary>The object types and interfaces, among the abstract type's possible types, that define the field.</summary>
    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!type.IsAbstract)
        {
            return [];
        }

        var schema = Context.Schema;
        var usageCount = new Dictionary<NamedType, int>();
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            usageCount[possible] = 1;
            foreach (var iface in possible.Interfaces.Where(i => i.GetField(fieldName) is not null))
            {
                usageCount[iface] = usageCount.GetValueOrDefault(iface) + 1;
            }
        }

        var types = usageCount.Keys.ToList();
        types.Sort((a, b) =>
        {
            var byUsage = usageCount[b] - usageCount[a];
            if (byUsage != 0)
            {
                return byUsage;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return types.ConvertAll(t => t.Name);
    }
}
