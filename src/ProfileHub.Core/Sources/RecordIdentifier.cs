namespace ProfileHub.Core.Sources;

/// <summary>
/// One identifier of a source record. Multi-valued by nature (several emails, phones, handles), and looked up
/// by <see cref="NormalizedValue"/> (profileByIdentifier, blocking), so it lives in its own indexed table.
/// </summary>
public sealed class RecordIdentifier
{
    private RecordIdentifier()
    {
        Value = string.Empty;
        NormalizedValue = string.Empty;
    }

    public RecordIdentifier(IdentifierKind kind, string value, string normalizedValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(normalizedValue);
        Kind = kind;
        Value = value;
        NormalizedValue = normalizedValue;
    }

    public long Id { get; private set; }

    public long RecordId { get; private set; }

    public IdentifierKind Kind { get; private set; }

    /// <summary>As the source wrote it.</summary>
    public string Value { get; private set; }

    /// <summary>As matching compares it: lower-cased email, E.164 phone, lowercase hex hash.</summary>
    public string NormalizedValue { get; private set; }
}
