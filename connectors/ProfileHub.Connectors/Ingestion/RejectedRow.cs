namespace ProfileHub.Connectors.Ingestion;

/// <summary>An input row or page that could not be read: where it was, what it said, and why it was refused.</summary>
public sealed record RejectedRow(string Position, string RawPayload, string Reason);
