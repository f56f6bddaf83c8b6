using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Execution;

public class GraphQLExecutorTests
{
    [Fact]
    public async Task Fields_come_back_in_selection_order_with_aliases_and_typename()
    {
        var json = await Json(StarWars.Schema, "{ hero { name kind: __typename id friends { name } } }");
        Assert.Equal(Q("{'data':{'hero':{'name':'R2-D2','kind':'Droid','id':'2001','friends':[{'name':'Luke Skywalker'},{'name':'Han Solo'}]}}}"), json);
    }

    [Fact]
    public async Task Fragments_and_inline_fragments_apply_by_runtime_type()
    {
        var json = await Json(StarWars.Schema, """
            query { search(text: "2") { __typename ...H ... on Droid { primaryFunction } } }
            fragment H on Human { name homePlanet }
            """);
        Assert.Equal(Q("{'data':{'search':[{'__typename':'Droid','primaryFunction':'Astromech'}]}}"), json);
    }

    [Fact]
    public async Task Skip_and_include_follow_literals_and_variables()
    {
        var json = await Json(StarWars.Schema, "query($no: Boolean!) { hero { id @skip(if: true) name @include(if: $no) ... @include(if: true) { appearsIn } } }", "{\"no\": false}");
        Assert.Equal(Q("{'data':{'hero':{'appearsIn':['NEW_HOPE','EMPIRE','JEDI']}}}"), json);
    }

    [Fact]
    public async Task Enum_arguments_and_async_resolvers_are_coerced_and_awaited()
    {
        var json = await Json(StarWars.Schema, "{ hero(episode: EMPIRE) { name } character(id: 1002) { name } }");
        Assert.Equal(Q("{'data':{'hero':{'name':'Luke Skywalker'},'character':{'name':'Han Solo'}}}"), json);
    }

    [Fact]
    public async Task Input_object_defaults_fill_missing_fields()
    {
        var json = await Json(StarWars.Schema, "query($t: String!) { echo(input: {text: $t}) }", "{\"t\":\"hi\"}");
        Assert.Equal(Q("{'data':{'echo':'text=hi,times=1'}}"), json);
    }

    [Fact]
    public async Task Unknown_operation_name_is_a_request_error_without_data()
    {
        var json = await Json(StarWars.Schema, "query A { hero { id } } query B { hero { id } }", operationName: "C");
        Assert.Equal(Q("{'errors':[{'message':'Unknown operation named \\\"C\\\".','extensions':{'code':'OPERATION_RESOLUTION_FAILURE'}}]}"), json);
    }

    [Fact]
    public async Task Several_operations_without_a_name_is_a_request_error()
    {
        var result = await Result(StarWars.Schema, "query A { hero { id } } query B { hero { id } }");
        Assert.False(result.HasData);
        Assert.Equal("Must provide operation name if query contains multiple operations.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_a_request_error_with_its_location()
    {
        var result = await Result(StarWars.Schema, "query($id: ID!) { character(id: $id) { name } }", "{\"id\": true}");
        var error = Assert.Single(result.Errors);
        Assert.False(result.HasData);
        Assert.Equal("Variable \"$id\" has invalid value: ID cannot represent value: true", error.Message);
        Assert.Equal(7, error.Locations![0].Column);
    }

    [Fact]
    public async Task A_missing_required_variable_is_reported()
    {
        var result = await Result(StarWars.Schema, "query($id: ID!) { character(id: $id) { name } }");
        Assert.Equal("Variable \"$id\" has invalid value: Expected a value of non-null type \"ID!\" to be provided.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Syntax_errors_are_request_errors_with_locations()
    {
        var result = await Result(StarWars.Schema, "{ hero { ");
        var error = Assert.Single(result.Errors);
        Assert.False(result.HasData);
        Assert.StartsWith("Syntax Error:", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ParseFailed, error.Code);
    }

    [Fact]
    public async Task A_null_in_a_non_null_field_nulls_the_nearest_nullable_parent()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("a", "A", f => f.Resolve(_ => new object()))
                .Field("b", "String", f => f.Resolve(_ => "still here")))
            .Object("A", a => a
                .Field("ok", "String", f => f.Resolve(_ => "fine"))
                .Field("inner", "B!", f => f.Resolve(_ => new object())))
            .Object("B", b => b.Field("broken", "String!", f => f.Resolve(_ => null)))
            .Build();
        var json = await Json(schema, "{ a { ok inner { broken } } b }");
        Assert.Equal(Q("{'errors':[{'message':'Cannot return null for non-nullable field B.broken.','locations':[{'line':1,'column':18}],'path':['a','inner','broken']}],'data':{'a':null,'b':'still here'}}"), json);
    }

    [Fact]
    public async Task A_failing_non_null_root_field_nulls_data()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("must", "String!", f => f.Resolve(_ => throw new GraphQLException("nope"))))
            .Build();
        var json = await Json(schema, "{ must }");
        Assert.Equal(Q("{'errors':[{'message':'nope','locations':[{'line':1,'column':3}],'path':['must']}],'data':null}"), json);
    }

    [Fact]
    public async Task Non_null_list_items_null_the_list_and_errors_carry_the_index()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("items", "[String!]", f => f.Resolve(_ => new[] { "a", null, "c" }))
                .Field("loose", "[String]", f => f.Resolve(_ => new[] { "a", null })))
            .Build();
        var json = await Json(schema, "{ items loose }");
        Assert.Equal(Q("{'errors':[{'message':'Cannot return null for non-nullable field Query.items.','locations':[{'line':1,'column':3}],'path':['items',1]}],'data':{'items':null,'loose':['a',null]}}"), json);
    }

    [Fact]
    public async Task Unexpected_exceptions_are_masked_unless_in_development_mode()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("boom", "String", f => f.Resolve(_ => throw new InvalidOperationException("secret connection string"))))
            .Build();
        var masked = await Result(schema, "{ boom }");
        var detailed = await Result(schema, "{ boom }", options: new ExecutionOptions { IncludeExceptionDetails = true });
        Assert.Equal("Unexpected Execution Error", Assert.Single(masked.Errors).Message);
        Assert.Equal(ErrorCodes.InternalServerError, masked.Errors[0].Code);
        Assert.Equal("secret connection string", Assert.Single(detailed.Errors).Message);
    }

    [Fact]
    public async Task Leaf_values_that_cannot_be_serialized_become_field_errors()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("n", "Int", f => f.Resolve(_ => 3_000_000_000L)).Field("s", "String", f => f.Resolve(_ => "ok")))
            .Build();
        var json = await Json(schema, "{ n s }");
        Assert.Equal(Q("{'errors':[{'message':'Int cannot represent non 32-bit signed integer value: 3000000000','locations':[{'line':1,'column':3}],'path':['n']}],'data':{'n':null,'s':'ok'}}"), json);
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_another()
    {
        var log = new List<string>();
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("x", "Int"))
            .Object("Mutation", m => m
                .Field("first", "Int", f => f.Resolve(async _ =>
                {
                    await Task.Delay(30);
                    log.Add("first");
                    return 1;
                }))
                .Field("second", "Int", f => f.Resolve(_ =>
                {
                    log.Add("second");
                    return 2;
                })))
            .Build();
        var json = await Json(schema, "mutation { first second }");
        Assert.Equal(Q("{'data':{'first':1,'second':2}}"), json);
        Assert.Equal(["first", "second"], log);
    }

    [Fact]
    public async Task Query_fields_start_before_any_is_awaited()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("waits", "Int", f => f.Resolve(_ => gate.Task))
                .Field("opens", "Int", f => f.Resolve(_ =>
                {
                    gate.SetResult(7);
                    return 8;
                })))
            .Build();
        var json = await Json(schema, "{ waits opens }").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Q("{'data':{'waits':7,'opens':8}}"), json);
    }

    [Fact]
    public async Task An_explicit_null_for_a_non_null_argument_is_a_field_error()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("f", "String", f => f.Argument("x", "Int!").Resolve(ctx => ctx.Argument<int>("x").ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Build();
        // Valid (the variable has a default), yet null at run time.
        var result = await Result(schema, "query($v: Int = 1) { f(x: $v) }", "{\"v\": null}");
        Assert.True(result.HasData);
        Assert.Equal("Argument \"Query.f(x:)\" has invalid value: Expected variable \"$v\" provided to non-null type \"Int!\" not to be null.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Depth_beyond_the_limit_is_refused_before_execution()
    {
        var options = new ExecutionOptions { MaxDepth = 2 };
        var result = await Result(StarWars.Schema, "{ hero { friends { name } } }", options: options);
        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Cost_counts_list_sizes_and_is_reported_in_extensions()
    {
        var options = new ExecutionOptions { ReportCost = true, MaxCost = 1000, DefaultListSize = 10 };
        var json = await Json(StarWars.Schema, "{ hero { friends { name } } }", options: options);
        // hero 1 + friends (1 + name 0) * 10 = 11.
        Assert.EndsWith(Q(",'extensions':{'cost':{'requestedQueryCost':11,'maximumAvailable':1000}}}"), json, StringComparison.Ordinal);
        var refused = await Result(StarWars.Schema, "{ hero { friends { friends { name } } } }", options: options with { MaxCost = 50 });
        Assert.Equal(ErrorCodes.MaxCostExceeded, Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public async Task A_resolver_slower_than_the_timeout_ends_the_request()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("slow", "Int", f => f.Resolve(async ctx =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.CancellationToken);
                return 1;
            })))
            .Build();
        var result = await Result(schema, "{ slow }", options: new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        Assert.Equal(ErrorCodes.Timeout, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("{ hero { ")]
    [InlineData("{ hero { unknown } }")]
    [InlineData("{ hero { friends { friends { name } } } }")]
    public async Task The_timeout_also_bounds_parsing_validation_and_limits(string query)
    {
        // A zero timeout has run out before anything starts: a syntax error, an invalid field or a depth over the limit
        // must not be reported, as they would be if only execution looked at the timeout.
        var result = await Result(StarWars.Schema, query, options: new ExecutionOptions { Timeout = TimeSpan.Zero, MaxDepth = 2 });

        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.Timeout, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_cancelled_caller_stops_the_completion_of_a_long_list()
    {
        using var cancellation = new CancellationTokenSource();
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("numbers", "[Int]", f => f.Resolve(_ => Numbers(cancellation))))
            .Build();

        // The list is there at once (no await), so only a check inside the completion loop can notice the cancellation.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ numbers }"), cancellationToken: cancellation.Token));

        static IEnumerable<int> Numbers(CancellationTokenSource cancellation)
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (i == 10)
                {
                    cancellation.Cancel();
                }
                yield return i;
            }
        }
    }

    [Fact]
    public async Task Union_members_resolve_to_their_object_types()
    {
        var json = await Json(StarWars.Schema, "{ search { ... on Human { name homePlanet } ... on Droid { name } } }");
        Assert.Equal(Q("{'data':{'search':[{'name':'Luke Skywalker','homePlanet':'Tatooine'},{'name':'Han Solo','homePlanet':null},{'name':'R2-D2'}]}}"), json);
    }

    [Fact]
    public async Task A_variable_free_operation_planned_once_answers_the_same_under_concurrency()
    {
        var executor = new GraphQLExecutor(StarWars.Schema);
        const string Query = "{ search { __typename ... on Human { name friends { name } } ... on Droid { primaryFunction } } }";
        var first = (await executor.ExecuteAsync(new GraphQLRequest(Query))).ToJson();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => (await executor.ExecuteAsync(new GraphQLRequest(Query))).ToJson())));
        Assert.All(results, json => Assert.Equal(first, json));
        Assert.StartsWith(Q("{'data':{'search':[{'__typename':'Human','name':'Luke Skywalker','friends':[{'name':'Han Solo'}"), first, StringComparison.Ordinal);
    }
}
