using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.2 Fragment Spread Type Existence, and 5.8.2's requirement that variable types exist.</summary>
internal sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is NamedTypeNode named && Context.Schema.GetType(named.Name.Value) is null)
        {
            var suggestions = Suggestions.List(named.Name.Value, Context.Schema.Types.Select(t => t.Name));
            Context.ReportError($"Unknown type \"{named.Name.Value}\"." + Suggestions.DidYouMean(suggestions), named);
        }

        return true;
    }
}
