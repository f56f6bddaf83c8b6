namespace ProfileHub.Server.Matching;

internal static class MatchingRegistration
{
    /// <summary>
    /// The match runner and its Quartz job class. Quartz hosting (and registering <see cref="MatchJob"/>
    /// under <see cref="MatchJob.Key"/>) is the scheduler's business, not this area's.
    /// </summary>
    public static IServiceCollection AddProfileHubMatching(this IServiceCollection services)
    {
        services.AddTransient<MatchRunner>();
        services.AddTransient<MatchJob>();
        return services;
    }
}
