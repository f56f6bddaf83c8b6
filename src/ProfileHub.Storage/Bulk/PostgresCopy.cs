using Npgsql;
using NpgsqlTypes;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// PostgreSQL's binary COPY, the one way ProfileHub bulk-loads rows there (ingestion's staging tables, a
/// match run's profile rows): on the given connection, so inside whatever transaction it is in.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>
    /// Copies <paramref name="rows"/> into <paramref name="target"/> (<c>table (columns)</c>), each row written by
    /// <paramref name="write"/> after its row start. Rows are enumerated as they are written, so a lazy sequence
    /// makes each row's values only then; no rows, no COPY. <paramref name="timeout"/> null keeps Npgsql's.
    /// </summary>
    public static async Task IntoAsync<T>(
        NpgsqlConnection connection,
        string target,
        IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        NpgsqlBinaryImporter? copy = null;
        try
        {
            foreach (var row in rows)
            {
                if (copy is null)
                {
                    copy = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
                    if (timeout is { } limit)
                    {
                        copy.Timeout = limit;
                    }
                }

                await copy.StartRowAsync(cancellationToken);
                await write(copy, row, cancellationToken);
            }

            if (copy is not null)
            {
                await copy.CompleteAsync(cancellationToken);
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    /// <summary>Writes <paramref name="value"/>, or NULL when it is null.</summary>
    public static Task WriteNullableAsync<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
