using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProfileHub.Storage.Model;

/// <summary>
/// Marks a string property as holding a JSON document. Each provider picks the column type
/// (jsonb on PostgreSQL, TEXT on SQLite) in <see cref="Providers.StorageProvider.ConfigureModel"/>.
/// </summary>
internal static class JsonColumn
{
    public const string Annotation = "ProfileHub:Json";

    // Generic so one method serves string and string? properties.
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, true);
}
