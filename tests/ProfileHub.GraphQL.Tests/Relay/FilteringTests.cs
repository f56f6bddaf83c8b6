using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Tests.Support;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Relay;

public class FilteringTests
{
    [Fact]
    public async Task Where_and_order_arguments_parse_into_the_expression_model()
    {
        var filters = new List<FilterExpression?>();
        var orders = new List<IReadOnlyList<SortField>>();
        await Json(PeopleSchema.Build(filters, orders), """
            { people(where: { name: { startsWith: "a" }, or: [{ age: { gte: 40 } }, { age: { in: [28] } }] }, order: [{ age: DESC }, { name: ASC }]) { totalCount } }
            """);
        // Operands come in the input type's field order: and, or, name, age.
        var where = Assert.IsType<AndFilter>(Assert.Single(filters));
        Assert.Equal(new FieldFilter("name", FilterOperator.StartsWith, "a"), where.Operands[1]);
        var or = Assert.IsType<OrFilter>(where.Operands[0]);
        Assert.Equal(new FieldFilter("age", FilterOperator.GreaterThanOrEqual, 40), or.Operands[0]);
        var inList = Assert.IsType<FieldFilter>(or.Operands[1]);
        Assert.Equal(FilterOperator.In, inList.Operator);
        Assert.Equal([28], ((IEnumerable<object?>)inList.Value!).Cast<int>());
        Assert.Equal([new SortField("age", SortDirection.Descending), new SortField("name", SortDirection.Ascending)], Assert.Single(orders));
    }

    [Fact]
    public void Generated_filter_and_sort_inputs_have_the_hot_chocolate_shape()
    {
        var sdl = PeopleSchema.Build().ToSdl();
        Assert.Contains("input PersonFilterInput {\n  and: [PersonFilterInput!]\n  or: [PersonFilterInput!]\n  name: StringOperationFilterInput\n  age: IntOperationFilterInput\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("input StringOperationFilterInput {\n  and: [StringOperationFilterInput!]\n  or: [StringOperationFilterInput!]\n  eq: String\n  neq: String\n  in: [String]\n  nin: [String]\n  contains: String\n  startsWith: String\n  endsWith: String\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("input IntOperationFilterInput {\n  and: [IntOperationFilterInput!]\n  or: [IntOperationFilterInput!]\n  eq: Int\n  neq: Int\n  in: [Int]\n  nin: [Int]\n  gt: Int\n  gte: Int\n  lt: Int\n  lte: Int\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("input PersonSortInput {\n  name: SortEnumType\n  age: SortEnumType\n}", sdl, StringComparison.Ordinal);
    }
}
