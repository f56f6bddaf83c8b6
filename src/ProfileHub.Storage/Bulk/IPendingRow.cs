namespace ProfileHub.Storage.Bulk;

/// <summary>
/// A row a match run has staged, made into its entity only when it is written. A rebuild stages one
/// membership per record, each with its explanation's JSON: entities made up front kept gigabytes of those
/// strings alive at a million records until the bulk copy.
/// </summary>
/// <typeparam name="TEntity">The entity the row becomes.</typeparam>
public interface IPendingRow<out TEntity>
{
    TEntity ToEntity();
}
