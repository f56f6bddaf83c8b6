namespace ProfileHub.Storage;

/// <summary>The `ProfileHub:Database` configuration section (env: ProfileHub__Database__Provider, ...).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ProfileHub:Database";

    /// <summary>`sqlite` (the embedded default), `postgres` or `sqlserver`.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// Provider connection string. For SQLite it defaults to a file under ./data/; PostgreSQL and SQL Server have no default.
    /// </summary>
    public string? ConnectionString { get; set; }
}
