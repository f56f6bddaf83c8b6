using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// A variable used as a value: the input type expected where it stands, whether that position has a default of
/// its own (spec 5.8.5 IsVariableUsageAllowed) and the input object it sits in, if any.
/// </summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, bool LocationHasDefault, GraphQLType? ParentInputType);
