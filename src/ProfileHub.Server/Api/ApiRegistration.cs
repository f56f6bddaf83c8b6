using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Http;
using ProfileHub.Server.Stewardship;
using ProfileHub.Server.Storage;

namespace ProfileHub.Server.Api;

/// <summary>`/graphql`: the ProfileHub schema behind API-key authentication, with GraphiQL for browsers.</summary>
internal static class ApiRegistration
{
    public const string Path = "/graphql";

    public static void AddProfileHubApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(_ => ProfileHubSchema.Build());
        services.AddSingleton<StewardActions>();
    }

    public static void MapProfileHubApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), Privacy.ReadAudit.Use);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), SqlCommandCount.Use);
        app.MapGraphQL(Path, app.Services.GetRequiredService<GraphQL.Types.Schema>(), new GraphQLHttpOptions
        {
            RequireAuthenticatedUser = true,
            Execution = new ExecutionOptions
            {
                // Deep enough for profile → links → explanation → record → profile, shallow enough to stop abuse.
                // Introspection is not counted here: the engine's IntrospectionLimits bound it (clients' queries are 15 deep).
                MaxDepth = 12,
                MaxCost = 50_000,
                IncludeExceptionDetails = app.Environment.IsDevelopment(),
                TimeProvider = app.Services.GetRequiredService<TimeProvider>(),
            },
        });
    }
}
