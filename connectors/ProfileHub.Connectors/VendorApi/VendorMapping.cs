using System.Text.Json;
using AutoMapper;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// Helpers for the vendor mapping profiles (SendGrid events, Zendesk users, Smile members, ...), which
/// <see cref="Ingestion.ConnectorMapper"/> loads with every other profile of this assembly.
/// </summary>
internal static class VendorMapping
{
    private const string RegionItem = "defaultRegion";

    /// <summary>Maps with the connector's default phone region available to the profile's resolvers.</summary>
    public static TDestination MapWithRegion<TDestination>(this IMapper mapper, object source, string? defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return mapper.Map<TDestination>(source, options => options.Items[RegionItem] = defaultRegion ?? string.Empty);
    }

    public static string? Region(ResolutionContext context) =>
        context.TryGetItems(out var items) && items.TryGetValue(RegionItem, out var region) && region is string { Length: > 0 } text ? text : null;

    /// <summary>A JSON object of the non-null properties, for TouchpointDraft.Properties.</summary>
    public static string? Properties(params (string Name, object? Value)[] properties)
    {
        var present = properties.Where(p => p.Value is not null and not "").ToDictionary(p => p.Name, p => p.Value);
        return present.Count == 0 ? null : JsonSerializer.Serialize(present);
    }
}

/// <summary>Mapping helpers for drafts most of whose members a vendor never fills.</summary>
internal static class MappingExpressionExtensions
{
    /// <summary>
    /// Ignores every settable destination member not named in <paramref name="mapped"/>: a webhook event
    /// carries an email and nothing of names or addresses, and saying so member by member hides the few
    /// that are mapped.
    /// </summary>
    public static IMappingExpression<TSource, TDestination> IgnoreAllExcept<TSource, TDestination>(
        this IMappingExpression<TSource, TDestination> expression, params string[] mapped)
    {
        ArgumentNullException.ThrowIfNull(expression);
        foreach (var property in typeof(TDestination).GetProperties().Where(p => p.SetMethod is not null && !mapped.Contains(p.Name)))
        {
            expression.ForMember(property.Name, o => o.Ignore());
        }

        return expression;
    }
}
