namespace ProfileHub.Server.Segments;

internal static class SegmentsRegistration
{
    /// <summary>Segment actions (CRUD, preview, refresh) and the audiences' frequency cap (<see cref="FrequencyCap.Section"/>).</summary>
    public static IHostApplicationBuilder AddProfileHubSegments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrequencyCap>().Bind(builder.Configuration.GetSection(FrequencyCap.Section))
            .Validate(cap => cap.Contacts > 0 && cap.Days > 0, $"{FrequencyCap.Section}: Contacts and Days must be positive.");
        builder.Services.AddSingleton<SegmentActions>();
        return builder;
    }
}
