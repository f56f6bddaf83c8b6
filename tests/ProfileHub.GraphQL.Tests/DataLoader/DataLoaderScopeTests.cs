using ProfileHub.GraphQL.DataLoader;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.DataLoader;

public class DataLoaderScopeTests
{
    private sealed record User(int Id);

    private sealed record Order(int Id, int UserId, int ProductId);

    private sealed record Product(int Id, string Name);

    private sealed class Store
    {
        public int OrderFetches { get; private set; }

        public int ProductFetches { get; private set; }

        public List<int> LastProductKeys { get; } = [];

        public async Task<ILookup<int, Order>> OrdersByUser(IReadOnlyList<int> userIds)
        {
            OrderFetches++;
            await Task.Delay(1);
            return userIds.SelectMany(u => new[] { new Order(u * 10, u, u % 3), new Order(u * 10 + 1, u, 7) }).ToLookup(o => o.UserId);
        }

        public async Task<IReadOnlyDictionary<int, Product>> ProductsById(IReadOnlyList<int> ids)
        {
            ProductFetches++;
            LastProductKeys.AddRange(ids);
            await Task.Yield();
            return ids.ToDictionary(id => id, id => new Product(id, "p" + id));
        }
    }

    private static Schema Build(Store store) => new SchemaBuilder()
        .Object("Query", q => q.Field("users", "[User!]!", f => f.Resolve(_ => Enumerable.Range(1, 50).Select(i => new User(i)).ToList())))
        .Object("User", u => u
            .Field("id", "Int!")
            .Field("orders", "[Order!]!", f => f.From<User, IReadOnlyList<Order>>((user, ctx) => ctx.DataLoaders
                .Group<int, Order>("ordersByUser", (ids, _) => store.OrdersByUser(ids))
                .LoadAsync(user.Id))))
        .Object("Order", o => o
            .Field("id", "Int!")
            .Field("product", "Product", f => f.From<Order, Product?>((order, ctx) => ctx.DataLoaders
                .Batch<int, Product>("productsById", (ids, _) => store.ProductsById(ids))
                .LoadAsync(order.ProductId))))
        .Object("Product", p => p.Field("name", "String"))
        .Build();

    [Fact]
    public async Task Fifty_users_orders_and_products_cost_one_fetch_per_level()
    {
        var store = new Store();
        var result = await Result(Build(store), "{ users { id orders { id product { name } } } }");
        Assert.Empty(result.Errors);
        Assert.Equal(1, store.OrderFetches);
        Assert.Equal(1, store.ProductFetches);
        // Distinct keys only: products 0, 1, 2 and 7.
        Assert.Equal([0, 1, 2, 7], store.LastProductKeys.Order());
        var users = (List<object?>)result.ToData()!["users"]!;
        Assert.Equal(50, users.Count);
    }

    [Fact]
    public async Task A_resolver_that_loads_twice_in_a_row_still_completes()
    {
        var fetches = 0;
        Task<IReadOnlyDictionary<int, int>> Double(IReadOnlyList<int> keys)
        {
            fetches++;
            return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 2));
        }
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("n", "[Int!]!", f => f.Resolve(async ctx =>
            {
                var loader = ctx.DataLoaders.Batch<int, int>("double", (keys, _) => Double(keys));
                var first = await loader.LoadAsync(1);
                var second = await loader.LoadAsync(first);
                return new[] { first, second };
            })))
            .Build();
        var json = await Json(schema, "{ a: n b: n }").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Q("{'data':{'a':[2,4],'b':[2,4]}}"), json);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task A_failing_batch_becomes_a_field_error_for_each_waiting_field()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("x", "[Int]", f => f.Resolve(_ => Enumerable.Range(1, 2)))
                .Field("y", "Int", f => f.Resolve(ctx => ctx.DataLoaders
                    .Batch<int, int>("broken", (_, _) => Task.FromException<IReadOnlyDictionary<int, int>>(new InvalidOperationException("down")))
                    .LoadAsync(1))))
            .Build();
        var result = await Result(schema, "{ x y }");
        Assert.Equal("Unexpected Execution Error", Assert.Single(result.Errors).Message);
        Assert.True(result.HasData);
    }

    [Fact]
    public async Task Keys_are_memoized_for_the_request()
    {
        var scope = new DataLoaderScope();
        var loader = scope.Batch<string, string>("upper", (keys, _) => Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.ToUpperInvariant())));
        var a = loader.LoadAsync("a");
        var again = loader.LoadAsync("a");
        Assert.Same(a, again);
        Assert.True(scope.HasPendingKeys);
        await scope.DispatchAsync();
        Assert.Equal("A", await a);
        Assert.Equal(1, loader.FetchCount);
    }

    [Fact]
    public async Task A_primed_key_costs_no_fetch_and_never_overrides_a_loaded_one()
    {
        var scope = new DataLoaderScope();
        var loader = scope.Batch<string, string>("upper", (keys, _) => Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.ToUpperInvariant())));
        loader.Prime("a", "primed");
        var queued = loader.LoadAsync("b");
        loader.Prime("b", "too late");
        Assert.Equal("primed", await loader.LoadAsync("a"));
        await scope.DispatchAsync();
        Assert.Equal("B", await queued);
        Assert.Equal(1, loader.FetchCount);
    }
}
