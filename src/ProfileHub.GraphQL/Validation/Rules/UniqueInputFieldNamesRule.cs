using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
internal sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is ObjectValueNode { Fields.Count: > 1 } objectValue)
        {
            var known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            foreach (var field in objectValue.Fields)
            {
                if (known.TryGetValue(field.Name.Value, out var first))
                {
                    Context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }
            }
        }

        return true;
    }
}
