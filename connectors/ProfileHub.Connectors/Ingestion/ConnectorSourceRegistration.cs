using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProfileHub.Connectors.Ingestion;

public static class ConnectorSourceRegistration
{
    /// <summary>
    /// Registers every <see cref="IConnectorSource"/> class of this assembly (so a new connector needs no
    /// registration line) and the <see cref="ConnectorSourceRegistry"/> over them.
    /// </summary>
    public static IServiceCollection AddConnectorSources(this IServiceCollection services)
    {
        var sources = typeof(IConnectorSource).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConnectorSource).IsAssignableFrom(t));
        foreach (var type in sources)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IConnectorSource), type));
        }

        services.TryAddSingleton<ConnectorSourceRegistry>();
        return services;
    }
}
