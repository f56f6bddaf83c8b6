using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.Files;

/// <summary>The rows a file source has mapped since its last batch.</summary>
internal sealed class FileBatch
{
    public List<SourceRecordDraft> Records { get; } = [];

    public List<TouchpointDraft> Touchpoints { get; } = [];

    public List<RejectedRow> Rejected { get; } = [];

    public long RowsRead { get; set; }

    public int Count => Records.Count + Touchpoints.Count + Rejected.Count;

    /// <summary>
    /// Maps one row through the column mapping (<paramref name="payload"/> is kept as the record's raw payload,
    /// <paramref name="raw"/> is the row as read); a row the mapping fails on is quarantined (<see cref="RowMapping"/>).
    /// </summary>
    public void Add(ColumnMapping mapping, Func<string, string?> value, string position, string payload, string raw, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (RowMapping.TryMap(position, () => raw, Rejected, () => mapping.Map(value, position, payload, readAt), out var mapped))
        {
            Add(mapped, position, raw);
        }
    }

    private void Add((SourceRecordDraft? Record, TouchpointDraft? Touchpoint, string? Problem) mapped, string position, string raw)
    {
        if (mapped.Problem is not null)
        {
            Rejected.Add(new RejectedRow(position, raw, mapped.Problem));
            return;
        }

        if (mapped.Record is not null)
        {
            Records.Add(mapped.Record);
        }

        if (mapped.Touchpoint is not null)
        {
            Touchpoints.Add(mapped.Touchpoint);
        }
    }

    public SourceBatch Build(string watermark)
    {
        var batch = new SourceBatch([.. Records], [.. Touchpoints], [.. Rejected], RowsRead, watermark);
        Records.Clear();
        Touchpoints.Clear();
        Rejected.Clear();
        RowsRead = 0;
        return batch;
    }
}

