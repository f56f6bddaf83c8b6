using System.Diagnostics;
using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class OverlappingFieldsCanBeMergedRuleTests
{
    [Fact]
    public void Identical_fields_arguments_and_directives_merge()
    {
        ExpectValid(c => new OverlappingFieldsCanBeMergedRule(c), """
            { dog { name name otherName: name doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) ...F } }
            fragment F on Dog { name doesKnowCommand(dogCommand: SIT) }
            """);
    }

    [Fact]
    public void Different_fields_under_one_alias_conflict()
    {
        const string query = "{ dog { name: nickname name } }";

        ExpectErrors(c => new OverlappingFieldsCanBeMergedRule(c), query,
            $"Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. ({At(query, "name:")}, {At(query, "name }")})");
    }

    [Fact]
    public void Differing_arguments_conflict_even_through_fragments()
    {
        const string query = "{ dog { doesKnowCommand(dogCommand: SIT) ...F } } fragment F on Dog { doesKnowCommand(dogCommand: HEEL) }";

        ExpectErrors(c => new OverlappingFieldsCanBeMergedRule(c), query,
            $"Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. ({At(query, "doesKnowCommand")}, {At(query, "doesKnowCommand", 2)})");
    }

    [Fact]
    public void Object_fields_with_differing_argument_order_but_equal_values_merge()
    {
        ExpectValid(c => new OverlappingFieldsCanBeMergedRule(c),
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) } }");
    }

    [Fact]
    public void Fields_on_different_object_types_may_differ_but_not_in_shape()
    {
        ExpectValid(c => new OverlappingFieldsCanBeMergedRule(c),
            "{ catOrDog { ... on Dog { name: barkVolume } ... on Cat { name: meowsVolume } } }");

        const string query = "{ catOrDog { ... on Dog { x: barks } ... on Cat { x: meowsVolume } } }";
        ExpectErrors(c => new OverlappingFieldsCanBeMergedRule(c), query,
            $"Fields \"x\" conflict because they return conflicting types \"Boolean\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional. ({At(query, "x:")}, {At(query, "x:", 2)})");
    }

    [Fact]
    public void Nested_conflicts_name_the_subfields()
    {
        const string query = "{ dog { mother { name: nickname } mother { name } } }";

        ExpectErrors(c => new OverlappingFieldsCanBeMergedRule(c), query,
            "Fields \"mother\" conflict because subfields \"name\" conflict because \"nickname\" and \"name\" are different fields. "
            + $"Use different aliases on the fields to fetch both if this was intentional. ({At(query, "mother")}, {At(query, "name:")}, {At(query, "mother", 2)}, 1:44)");
    }

    [Fact]
    public void Many_repeated_fragments_and_fields_are_checked_in_reasonable_time()
    {
        // Each fragment spreads the previous one twice: without caching and pair memoization this is exponential.
        var fragments = string.Concat(Enumerable.Range(1, 40).Select(i => $"fragment F{i} on Dog {{ name mother {{ name }} ...F{i - 1} ...F{i - 1} }} "));
        var query = "{ dog { ...F40 } } fragment F0 on Dog { name } " + fragments;
        var stopwatch = Stopwatch.StartNew();

        var errors = Validate(c => new OverlappingFieldsCanBeMergedRule(c), query);

        Assert.Empty(errors);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Thousands_of_repeats_of_one_field_abort_validation_as_graphql_js_does()
    {
        var query = "{ dog { " + string.Concat(Enumerable.Repeat("name ", 5000)) + "} }";

        var errors = Validate(c => new OverlappingFieldsCanBeMergedRule(c), query);

        Assert.Equal(["Validation aborted. ()"], errors);
    }

    [Fact]
    public void A_conflict_inside_an_inline_fragment_is_reported_once()
    {
        const string query = "{ pet { ... on Pet { name } ... on Dog { name name: nickname } } }";

        ExpectErrors(c => new OverlappingFieldsCanBeMergedRule(c), query,
            $"Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. ({At(query, "name")}, {At(query, "name:")})",
            $"Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. ({At(query, "name", 2)}, {At(query, "name:")})");
    }
}
