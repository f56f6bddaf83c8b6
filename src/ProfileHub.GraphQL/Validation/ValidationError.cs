using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// A document breaks a rule of spec section 5: the graphql-js message and the locations of the nodes involved, in
/// the shape of a response error (spec 7.1.2).
/// </summary>
public sealed record ValidationError(string Message, IReadOnlyList<SourceLocation> Locations);
