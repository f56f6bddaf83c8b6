using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class SingleFieldSubscriptionsRuleTests
{
    [Fact]
    public void One_root_field_through_fragments_is_fine()
    {
        ExpectValid(c => new SingleFieldSubscriptionsRule(c),
            "subscription S { ...F } fragment F on SubscriptionRoot { importantEmails importantEmails }");
    }

    [Fact]
    public void Extra_root_fields_are_reported_with_their_locations()
    {
        const string query = "subscription ImportantEmails { importantEmails notImportantEmails moreImportantEmails }";

        ExpectErrors(c => new SingleFieldSubscriptionsRule(c), query,
            $"Subscription \"ImportantEmails\" must select only one top level field. ({At(query, "notImportantEmails")}, {At(query, "moreImportantEmails")})");
    }

    [Fact]
    public void An_anonymous_subscription_may_not_select_an_introspection_field()
    {
        ExpectErrors(c => new SingleFieldSubscriptionsRule(c), "subscription { __typename }",
            "Anonymous Subscription must not select an introspection top level field. (1:16)");
    }

    [Fact]
    public void Skip_and_include_are_not_allowed_on_the_root_selection()
    {
        ExpectErrors(c => new SingleFieldSubscriptionsRule(c), "subscription S($s: Boolean!) { importantEmails @skip(if: $s) }",
            "Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection. (1:48)");
    }

    [Fact]
    public void A_subscription_whose_fragments_select_nothing_on_the_root_type_is_rejected()
    {
        ExpectErrors(c => new SingleFieldSubscriptionsRule(c), "subscription { ... on QueryRoot { dog { name } } }",
            "Anonymous Subscription must select one top level field. (1:14)");
    }
}
