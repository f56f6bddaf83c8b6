namespace ProfileHub.Storage.Segments;

/// <summary>
/// JSON lookups usable in LINQ over the store (mapped per provider in <c>StorageProvider.ConfigureModel</c>):
/// SQLite's json_extract, and on PostgreSQL the profilehub_json_number function of migration 0006.
/// </summary>
public static class SqlJson
{
    /// <summary>The number under <paramref name="key"/> of a JSON object column, or null. SQL only.</summary>
    public static double? Number(string? document, string key) =>
        throw new NotSupportedException($"{nameof(SqlJson)}.{nameof(Number)}({document}, {key}) runs only inside a database query.");
}
