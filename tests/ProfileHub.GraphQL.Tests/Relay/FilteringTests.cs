using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
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

    [Fact]
    public async Task Nested_object_enum_and_boolean_filters_reach_the_application_as_dotted_paths()
    {
        var filters = new List<FilterExpression?>();
        var schema = new SchemaBuilder()
            .Enum("Tier", e => e.Value("GOLD").Value("SILVER"))
            .Object("Query", q => q.Field("members", "Int", f => f
                .Argument("where", "MemberFilterInput")
                .Resolve(ctx =>
                {
                    filters.Add(ctx.Where());
                    return 0;
                })))
            .FilterInput("Member", f => f.Enum("tier", "Tier").Boolean("active").Nested("address", "Address"))
            .FilterInput("Address", f => f.Text("city").Comparable("since", "Date"))
            .Build();

        await Json(schema, """{ members(where: { tier: { in: [GOLD] }, active: { eq: true }, address: { city: { eq: "york" }, or: [{ since: { gte: "2020-01-01" } }] } }) }""");

        var where = Assert.IsType<AndFilter>(Assert.Single(filters));
        Assert.Equal(FilterOperator.In, Assert.IsType<FieldFilter>(where.Operands[0]).Operator);
        Assert.Equal(new FieldFilter("active", FilterOperator.Equal, true), where.Operands[1]);
        var address = Assert.IsType<AndFilter>(where.Operands[2]);
        var since = Assert.IsType<FieldFilter>(Assert.Single(Assert.IsType<OrFilter>(address.Operands[0]).Operands));
        Assert.Equal(new FieldFilter("address.since", FilterOperator.GreaterThanOrEqual, new DateOnly(2020, 1, 1)), since);
        Assert.Equal(new FieldFilter("address.city", FilterOperator.Equal, "york"), address.Operands[1]);
        var sdl = schema.ToSdl();
        Assert.Contains("input TierOperationFilterInput {\n  and: [TierOperationFilterInput!]\n  or: [TierOperationFilterInput!]\n  eq: Tier\n  neq: Tier\n  in: [Tier]\n  nin: [Tier]\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("input BooleanOperationFilterInput {\n  and: [BooleanOperationFilterInput!]\n  or: [BooleanOperationFilterInput!]\n  eq: Boolean\n  neq: Boolean\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("  address: AddressFilterInput\n", sdl, StringComparison.Ordinal);
    }
}
