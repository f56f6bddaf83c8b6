using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// A request document after parsing and validation: the AST when it parsed, and the syntax or validation errors
/// (empty when the document may be executed).
/// </summary>
public sealed record ValidatedDocument(DocumentNode? Document, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Document is not null && Errors.Count == 0;

    /// <summary>True when the text did not parse (a request error before validation, spec 6.1).</summary>
    public bool IsSyntaxError => Document is null;
}
