using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// One rule of spec section 5, visited in parallel with every other rule over one walk of the document (as
/// graphql-js's <c>ASTVisitor</c> rules). A rule instance lives for one validation.
/// </summary>
public abstract class ValidationRule
{
    protected ValidationRule(ValidationContext context) => Context = context;

    protected ValidationContext Context { get; }

    /// <summary>Called before the node's children; returning false skips them (and <see cref="Leave"/>) for this rule.</summary>
    public virtual bool Enter(SyntaxNode node) => true;

    public virtual void Leave(SyntaxNode node)
    {
    }
}
