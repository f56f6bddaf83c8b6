namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Maps one input row to drafts. Whatever the mapping throws for that row (an AutoMapper resolver meeting a
/// value nobody expected, a value a parser refuses) is the row's problem, not the run's: the row is
/// quarantined with the reason and its position, the rest of the input loads, and the watermark moves past it,
/// so a later run does not fail on the same row again.
/// </summary>
internal static class RowMapping
{
    public static void Run(string position, Func<string> raw, ICollection<RejectedRow> rejected, Action map)
    {
        ArgumentNullException.ThrowIfNull(map);
        TryMap(position, raw, rejected, () =>
        {
            map();
            return true;
        }, out _);
    }

    /// <summary>False, with the row quarantined, when <paramref name="map"/> threw.</summary>
    public static bool TryMap<T>(string position, Func<string> raw, ICollection<RejectedRow> rejected, Func<T> map, out T? mapped)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            mapped = map();
            return true;
        }
#pragma warning disable CA1031 // Deliberately any exception: one row's mapping failure must not stop the run (see the summary).
        catch (Exception e)
#pragma warning restore CA1031
        {
            rejected.Add(new RejectedRow(position, raw(), $"cannot be mapped: {Describe(e)}"));
            mapped = default;
            return false;
        }
    }

    // AutoMapper wraps the resolver's exception in AutoMapperMappingException; the innermost one says what was wrong.
    private static string Describe(Exception e) => $"{e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}";
}
