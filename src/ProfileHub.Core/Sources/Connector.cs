namespace ProfileHub.Core.Sources;

/// <summary>A configured source system instance (a Segment workspace, a Zendesk account, a CSV drop).</summary>
public sealed class Connector
{
    private Connector()
    {
        Name = string.Empty;
    }

    public Connector(string name, ConnectorKind kind, int trust, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        Trust = ValidTrust(trust);
        CreatedAt = createdAt.ToUniversalTime();
        Enabled = true;
    }

    public int Id { get; private set; }

    /// <summary>Unique, user-chosen name; `profilehub import --connector NAME` refers to it.</summary>
    public string Name { get; private set; }

    public ConnectorKind Kind { get; private set; }

    /// <summary>0–100: how much survivorship trusts this source's values (source-trust rule).</summary>
    public int Trust { get; private set; }

    /// <summary>
    /// Which of the kind's formats the connector reads ("segment-jsonl", "csv", "sendgrid-webhook"): together
    /// with <see cref="Kind"/> it selects the source implementation. Null means the kind's only format.
    /// </summary>
    public string? Format { get; set; }

    /// <summary>Quartz cron expression; null means "only on demand".</summary>
    public string? Schedule { get; set; }

    /// <summary>Connector-specific settings as JSON (endpoint, column mapping, default phone region, ...).</summary>
    public string? Settings { get; set; }

    /// <summary>
    /// The incremental position (watermark or cursor) as JSON. Only <see cref="ConnectorRun.Complete"/>
    /// moves it, and only together with the batch it covers, so a crashed run resumes without gaps.
    /// </summary>
    public string? State { get; private set; }

    public bool Enabled { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void ChangeTrust(int trust) => Trust = ValidTrust(trust);

    internal void AdvanceState(string? state) => State = state;

    private static int ValidTrust(int trust) =>
        trust is >= 0 and <= 100 ? trust : throw new ArgumentOutOfRangeException(nameof(trust), trust, "Trust is 0 to 100.");
}
