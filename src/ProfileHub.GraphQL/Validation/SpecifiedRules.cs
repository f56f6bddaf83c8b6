using ProfileHub.GraphQL.Validation.Rules;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// Every rule of spec section 5, in graphql-js 17's <c>specifiedRules</c> order (so errors come out in its order), plus
/// its introspection depth guard. The <c>@defer</c>/<c>@stream</c> rules are left out: this engine does not offer them.
/// </summary>
public static class SpecifiedRules
{
    public static IReadOnlyList<Func<ValidationContext, ValidationRule>> All { get; } =
    [
        c => new ExecutableDefinitionsRule(c),
        c => new KnownOperationTypesRule(c),
        c => new UniqueOperationNamesRule(c),
        c => new LoneAnonymousOperationRule(c),
        c => new SingleFieldSubscriptionsRule(c),
        c => new KnownTypeNamesRule(c),
        c => new FragmentsOnCompositeTypesRule(c),
        c => new VariablesAreInputTypesRule(c),
        c => new ScalarLeafsRule(c),
        c => new FieldsOnCorrectTypeRule(c),
        c => new UniqueFragmentNamesRule(c),
        c => new KnownFragmentNamesRule(c),
        c => new NoUnusedFragmentsRule(c),
        c => new PossibleFragmentSpreadsRule(c),
        c => new NoFragmentCyclesRule(c),
        c => new UniqueVariableNamesRule(c),
        c => new NoUndefinedVariablesRule(c),
        c => new NoUnusedVariablesRule(c),
        c => new KnownDirectivesRule(c),
        c => new UniqueDirectivesPerLocationRule(c),
        c => new KnownArgumentNamesRule(c),
        c => new UniqueArgumentNamesRule(c),
        c => new ValuesOfCorrectTypeRule(c),
        c => new ProvidedRequiredArgumentsRule(c),
        c => new VariablesInAllowedPositionRule(c),
        c => new OverlappingFieldsCanBeMergedRule(c),
        c => new UniqueInputFieldNamesRule(c),
        c => new MaxIntrospectionDepthRule(c),
    ];
}
