using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// Spec section 5: validates an executable document against a schema with every specified rule, in one walk that
/// tracks type information and visits all rules in parallel (graphql-js's <c>validate</c>).
/// </summary>
public static class DocumentValidator
{
    /// <summary>graphql-js's default <c>maxErrors</c>: past it, validation stops with one more error saying so.</summary>
    public const int DefaultMaxErrors = 100;

    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled: checked at every node of the walk and in the rules' own loops.
    /// </exception>
    public static IReadOnlyList<ValidationError> Validate(
        Schema schema,
        DocumentNode document,
        IEnumerable<Func<ValidationContext, ValidationRule>>? rules = null,
        int maxErrors = DefaultMaxErrors,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var context = new ValidationContext(schema, document, maxErrors, cancellationToken);
        var instances = (rules ?? SpecifiedRules.All).Select(create => create(context)).ToArray();
        try
        {
            new ParallelWalk(context.TypeInfo, instances, cancellationToken).Visit(document);
        }
        catch (ValidationAbortedException)
        {
            // The error limit was reached; the errors so far (and the "aborted" one) are the result.
        }

        return context.Errors;
    }

    /// <summary>One depth-first walk; each rule may skip a subtree without stopping the others.</summary>
    private sealed class ParallelWalk
    {
        private readonly TypeInfo _typeInfo;
        private readonly ValidationRule[] _rules;
        private readonly SyntaxNode?[] _skipping;
        private readonly Action<SyntaxNode> _visit;
        private readonly CancellationToken _cancellationToken;

        public ParallelWalk(TypeInfo typeInfo, ValidationRule[] rules, CancellationToken cancellationToken)
        {
            _typeInfo = typeInfo;
            _rules = rules;
            _cancellationToken = cancellationToken;
            _skipping = new SyntaxNode?[rules.Length];
            _visit = Visit;
        }

        public void Visit(SyntaxNode node)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _typeInfo.Enter(node);
            for (var i = 0; i < _rules.Length; i++)
            {
                if (_skipping[i] is null && !_rules[i].Enter(node))
                {
                    _skipping[i] = node;
                }
            }

            AstChildren.ForEach(node, _visit);

            for (var i = 0; i < _rules.Length; i++)
            {
                if (_skipping[i] is null)
                {
                    _rules[i].Leave(node);
                }
                else if (ReferenceEquals(_skipping[i], node))
                {
                    _skipping[i] = null;
                }
            }

            _typeInfo.Leave(node);
        }
    }
}
