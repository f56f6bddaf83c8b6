using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// What rules see while a document is validated: the schema, the document's fragments, the type information at
/// the current position, variable usages, and where to report errors (graphql-js's <c>ValidationContext</c>).
/// </summary>
public sealed class ValidationContext
{
    private readonly List<ValidationError> _errors = [];
    private readonly int _maxErrors;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinitionNode> _documentDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _spreads = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _referencedFragments = [];
    private readonly Dictionary<SyntaxNode, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = [];

    internal ValidationContext(Schema schema, DocumentNode document, int maxErrors, CancellationToken cancellationToken)
    {
        Schema = schema;
        Document = document;
        _maxErrors = maxErrors;
        CancellationToken = cancellationToken;
        TypeInfo = new TypeInfo(schema);
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            _fragments.TryAdd(fragment.Name.Value, fragment);
        }

        foreach (var directive in document.Definitions.OfType<DirectiveDefinitionNode>())
        {
            _documentDirectives[directive.Name.Value] = directive;
        }
    }

    /// <summary>
    /// Directives defined by the document itself: graphql-js's directive rules honour them (the document is invalid
    /// anyway, as not executable, but the other errors then match).
    /// </summary>
    public IReadOnlyDictionary<string, DirectiveDefinitionNode> DocumentDirectives => _documentDirectives;

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>The request's cancellation (its timeout, its client leaving): rules check it in their own loops.</summary>
    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>The output type at the current position (graphql-js <c>getType</c>).</summary>
    public GraphQLType? Type => TypeInfo.Type;

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType => TypeInfo.ParentType;

    /// <summary>The input type expected at the current value position.</summary>
    public GraphQLType? InputType => TypeInfo.InputType;

    public GraphQLType? ParentInputType => TypeInfo.ParentInputType;

    public FieldDefinition? FieldDefinition => TypeInfo.FieldDefinition;

    public DirectiveDefinition? Directive => TypeInfo.Directive;

    public InputValueDefinition? Argument => TypeInfo.Argument;

    internal TypeInfo TypeInfo { get; }

    /// <summary>Records an error located at the given nodes; past the error limit validation stops.</summary>
    public void ReportError(string message, params IEnumerable<SyntaxNode?> nodes)
    {
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new ValidationError("Too many validation errors, error limit reached. Validation aborted.", []));
            throw new ValidationAbortedException();
        }

        var locations = nodes
            .Select(node => node?.Location)
            .OfType<Location>()
            .Select(location => new SourceLocation(location.Line, location.Column))
            .ToList();
        _errors.Add(new ValidationError(message, locations));
    }

    /// <summary>
    /// Stops validation with graphql-js 17's "Validation aborted." error (no locations): a rule found the document too
    /// costly to check, and the caller must treat it as invalid.
    /// </summary>
    public void Abort()
    {
        _errors.Add(new ValidationError("Validation aborted.", []));
        throw new ValidationAbortedException();
    }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>
    /// The current field as graphql-js 17 names it in messages: <c>Type.field</c>, or <c>&lt;meta&gt;.field</c> for the
    /// introspection fields, which belong to no type.
    /// </summary>
    public string? FieldCoordinate()
    {
        if (FieldDefinition is not { } field)
        {
            return null;
        }

        var meta = Schema.MetaFields;
        var owner = field == meta.Type || field == meta.Schema || field == meta.TypeName ? "<meta>" : ParentType?.Name;
        return owner + "." + field.Name;
    }

    /// <summary>The fragment spreads in a selection set, inline fragments included, not following spreads.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.Count > 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } child }:
                        pending.Push(child);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    default:
                        break;
                }
            }
        }

        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation reaches through spreads, transitively, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_referencedFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>();
        pending.Push(operation.SelectionSet);
        while (pending.Count > 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
            foreach (var spread in GetFragmentSpreads(pending.Pop()))
            {
                if (collected.Add(spread.Name.Value) && GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    pending.Push(fragment.SelectionSet);
                }
            }
        }

        _referencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used as values inside one operation or fragment (not following spreads).</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        if (_variableUsages.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>();
        var typeInfo = new TypeInfo(Schema);
        Collect(definition);
        _variableUsages[definition] = usages;
        return usages;

        void Collect(SyntaxNode node)
        {
            if (node is VariableDefinitionNode)
            {
                return;
            }

            CancellationToken.ThrowIfCancellationRequested();
            typeInfo.Enter(node);
            if (node is VariableNode variable)
            {
                usages.Add(new VariableUsage(
                    variable, typeInfo.InputType, typeInfo.DefaultValueOwner is { HasDefaultValue: true }, typeInfo.ParentInputType));
            }

            AstChildren.ForEach(node, Collect);

            typeInfo.Leave(node);
        }
    }

    /// <summary>The variable usages of an operation and of every fragment it reaches.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (!_recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            usages = [.. GetVariableUsages(operation), .. GetRecursivelyReferencedFragments(operation).SelectMany(GetVariableUsages)];
            _recursiveVariableUsages[operation] = usages;
        }

        return usages;
    }
}

/// <summary>Thrown inside the walk when the error limit is reached; <see cref="DocumentValidator"/> catches it.</summary>
internal sealed class ValidationAbortedException : Exception
{
    public ValidationAbortedException()
    {
    }

    public ValidationAbortedException(string message)
        : base(message)
    {
    }

    public ValidationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
