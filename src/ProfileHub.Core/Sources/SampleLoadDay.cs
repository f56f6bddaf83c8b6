namespace ProfileHub.Core.Sources;

/// <summary>
/// The day this installation first loaded sample data whose timestamps move with the calendar (the connector
/// setting `shiftTimestampsFrom`, see connectors/README.md). One row, written once: every later run of every such
/// connector moves timestamps by the same number of days, so what it loads again is recognised as unchanged.
/// </summary>
public sealed class SampleLoadDay
{
    /// <summary>The key of the one row.</summary>
    public const int Installation = 1;

    private SampleLoadDay()
    {
    }

    public SampleLoadDay(DateOnly day, DateTimeOffset recordedAt)
    {
        Id = Installation;
        Day = day;
        RecordedAt = recordedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
