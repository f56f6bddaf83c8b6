using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>A small schema with an interface, a union, an enum, inputs and async resolvers, used across tests.</summary>
internal static class StarWars
{
    public sealed record Character(string Id, string Name, string[] Friends, Episode[] AppearsIn, string? PrimaryFunction = null, string? HomePlanet = null)
    {
        public bool IsDroid => PrimaryFunction is not null;
    }

    public enum Episode
    {
        NewHope,
        Empire,
        Jedi,
    }

    public static IReadOnlyDictionary<string, Character> Characters { get; } = new[]
    {
        new Character("1000", "Luke Skywalker", ["1002", "2001"], [Episode.NewHope, Episode.Empire, Episode.Jedi], HomePlanet: "Tatooine"),
        new Character("1002", "Han Solo", ["1000", "2001"], [Episode.NewHope, Episode.Empire, Episode.Jedi]),
        new Character("2001", "R2-D2", ["1000", "1002"], [Episode.NewHope, Episode.Empire, Episode.Jedi], PrimaryFunction: "Astromech"),
    }.ToDictionary(c => c.Id);

    public static SchemaBuilder Builder() => new SchemaBuilder()
        .Object("Query", q => q
            .Field("hero", "Character", f => f
                .Argument("episode", "Episode")
                .Resolve(ctx => Characters[ctx.Argument<Episode?>("episode") == Episode.Empire ? "1000" : "2001"]))
            .Field("character", "Character", f => f
                .Argument("id", "ID!")
                .Resolve(async ctx =>
                {
                    await Task.Yield();
                    return Characters.GetValueOrDefault(ctx.Argument<string>("id"));
                }))
            .Field("search", "[SearchResult!]!", f => f
                .Argument("text", "String", "")
                .Resolve(ctx => Characters.Values.Where(c => c.Name.Contains(ctx.Argument<string>("text"), StringComparison.OrdinalIgnoreCase)).ToList()))
            .Field("echo", "String", f => f
                .Argument("input", "EchoInput!")
                .Resolve(ctx => string.Join(",", ((IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!).Select(p => $"{p.Key}={p.Value}")))))
        .Interface("Character", i => i
            .Description("A character in the Star Wars Trilogy")
            .Field("id", "ID!")
            .Field("name", "String")
            .Field("friends", "[Character]", f => f.From<Character>(c => c.Friends.Select(id => Characters[id])))
            .Field("appearsIn", "[Episode]")
            .ResolveType(value => ((Character)value).IsDroid ? "Droid" : "Human"))
        .Object("Human", h => h
            .Implements("Character")
            .Field("id", "ID!")
            .Field("name", "String")
            .Field("friends", "[Character]", f => f.From<Character>(c => c.Friends.Select(id => Characters[id])))
            .Field("appearsIn", "[Episode]")
            .Field("homePlanet", "String"))
        .Object("Droid", d => d
            .Implements("Character")
            .Field("id", "ID!")
            .Field("name", "String")
            .Field("friends", "[Character]", f => f.From<Character>(c => c.Friends.Select(id => Characters[id])))
            .Field("appearsIn", "[Episode]")
            .Field("primaryFunction", "String"))
        .Union("SearchResult", u => u.Types("Human", "Droid").ResolveType(value => ((Character)value).IsDroid ? "Droid" : "Human"))
        .Enum<Episode>("Episode")
        .Input("EchoInput", i => i
            .Field("text", "String!")
            .Field("times", "Int", f => f.DefaultValue(1)));

    public static Schema Schema { get; } = Builder().Build();
}
