using Microsoft.Extensions.DependencyInjection;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Types;

public class FieldBuilderTests
{
    public sealed record User(string Id, string Name);

    private sealed class Users
    {
        private readonly Dictionary<string, User> _byId = new() { ["7"] = new User("7", "Ada") };

        public Task<User?> FindAsync(string id) => Task.FromResult(_byId.GetValueOrDefault(id));
    }

    [Fact]
    public async Task The_code_first_api_reads_like_its_sdl_and_resolves_through_services()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("user", "User", f => f
                    .Argument("id", "ID!")
                    .Resolve(async ctx => await ctx.Services.Get<Users>().FindAsync(ctx.Argument<string>("id")))))
            .Interface("Node", n => n.Field("id", "ID!"))
            .Object("User", u => u.Implements("Node").Field("id", "ID!").Field("name", "String", f => f.Deprecated("use fullName")))
            .Build();
        var services = new ServiceCollection().AddSingleton<Users>().BuildServiceProvider();
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ user(id: 7) { id name } }"), services);
        Assert.Equal(Q("{'data':{'user':{'id':'7','name':'Ada'}}}"), result.ToJson());
        Assert.Contains("name: String @deprecated(reason: \"use fullName\")", schema.ToSdl(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_value_task_and_sync_resolvers_all_complete()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("me", "User", f => f.Resolve(_ => new User("1", "Grace")))
                .Field("count", "Int", f => f.ResolveValueTask(_ => ValueTask.FromResult(3))))
            .Object<User>("User", u => u
                .Field("id", "ID!")
                .Field("shout", "String", f => f.From<User>(user => user.Name.ToUpperInvariant()))
                .Field("later", "String", f => f.From<User, string>(async (user, _) =>
                {
                    await Task.Yield();
                    return user.Name + "!";
                })))
            .Build();
        Assert.Equal(Q("{'data':{'me':{'id':'1','shout':'GRACE','later':'Grace!'},'count':3}}"), await Json(schema, "{ me { id shout later } count }"));
    }
}
