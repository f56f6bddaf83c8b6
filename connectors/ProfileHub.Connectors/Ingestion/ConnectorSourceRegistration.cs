using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ProfileHub.Connectors.Ingestion;

public static class ConnectorSourceRegistration
{
    /// <summary>
    /// Registers every <see cref="IConnectorSource"/> class of this assembly (so a new connector needs no
    /// registration line) the <see cref="ConnectorSourceRegistry"/> over them, and the
    /// <see cref="ConnectorMapper"/> with the AutoMapper licence key from configuration.
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
        services.TryAddSingleton(sp => new ConnectorMapper(
            sp.GetService<IConfiguration>()?[ConnectorMapper.LicenseKeySetting], sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}
