using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>A schema using every printable feature: descriptions, deprecations, defaults, @oneOf, custom scalars and directives.</summary>
internal static class RichSchema
{
    private static readonly string[] DefaultOrder = ["ASC"];

    public static Schema Build() => new SchemaBuilder()
        .Directive("cacheControl", [DirectiveLocation.FieldDefinition, DirectiveLocation.Object], d => d
            .Description("How long a response may be cached.")
            .Argument("maxAge", "Int", a => a.DefaultValue(60))
            .IsRepeatable())
        .Object("Query", q => q
            .Description("The root of all queries.")
            .Field("node", "Node", f => f.Argument("id", "ID!"))
            .Field("users", "[User!]!", f => f
                .Description("Users, filtered.\n\nSecond paragraph with \"quotes\".")
                .Argument("first", "Int", 10)
                .Argument("order", "[Order!]", DefaultOrder)
                .Argument("filter", "UserFilter", a => a.Description("Which users.").DefaultValue(new Dictionary<string, object?> { ["email"] = "a@b.c" })))
            .Field("legacy", "String", f => f.Deprecated())
            .Field("old", "String", f => f.Deprecated("Use `users`.")))
        .Interface("Node", n => n.Field("id", "ID!"))
        .Interface("Entity", e => e.Implements("Node").Field("id", "ID!").Field("createdAt", "DateTime"))
        .Object("User", u => u
            .Implements("Entity", "Node")
            .Field("id", "ID!")
            .Field("createdAt", "DateTime")
            .Field("visits", "Long")
            .Field("profile", "JSON", f => f.Description("A very long description that goes well beyond the seventy characters of a line."))
            .Field("role", "Role"))
        .Enum("Role", e => e
            .Description("What a user may do.")
            .Value("ADMIN", description: "Everything.")
            .Value("MEMBER")
            .Value("GUEST", deprecationReason: "Sign up instead."))
        .Enum("Order", e => e.Value("ASC").Value("DESC"))
        .Input("UserFilter", i => i
            .Field("email", "String")
            .Field("role", "Role", f => f.DefaultValue("MEMBER"))
            .Field("nickname", "String", f => f.Deprecated()))
        .Input("UserKey", i => i.OneOf().Field("id", "ID").Field("email", "String"))
        .Union("SearchResult", "User")
        .Build();
}
