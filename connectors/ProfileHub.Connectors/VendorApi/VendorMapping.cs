using System.Text.Json;
using AutoMapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// The AutoMapper configuration for the vendor payloads of this assembly (SendGrid events, Zendesk users,
/// Smile members, ...): every <see cref="Profile"/> in the vendor folders, mapping to the ingestion drafts at
/// the connector boundary. Built once; a test asserts its configuration is valid.
/// </summary>
internal static class VendorMapping
{
    private const string RegionItem = "defaultRegion";

    private static readonly Lazy<MapperConfiguration> Shared = new(() => CreateConfiguration(NullLoggerFactory.Instance, licenseKey: null));

    public static IMapper Mapper { get; } = Shared.Value.CreateMapper();

    public static MapperConfiguration Configuration => Shared.Value;

    // licenseKey: AutoMapper's `AutoMapper:LicenseKey`; without one it logs a licence notice, allowed for development.
    public static MapperConfiguration CreateConfiguration(ILoggerFactory loggerFactory, string? licenseKey) =>
        new(
            configure =>
            {
                if (!string.IsNullOrEmpty(licenseKey))
                {
                    configure.LicenseKey = licenseKey;
                }

                configure.AddMaps(typeof(VendorMapping).Assembly);
            },
            loggerFactory);

    /// <summary>Maps with the connector's default phone region available to the profile's resolvers.</summary>
    public static TDestination Map<TDestination>(object source, string? defaultRegion) =>
        Mapper.Map<TDestination>(source, options => options.Items[RegionItem] = defaultRegion ?? string.Empty);

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
