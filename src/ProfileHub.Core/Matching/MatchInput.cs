using ProfileHub.Core.Profiles;

namespace ProfileHub.Core.Matching;

/// <summary>
/// One source record as it arrives for matching: its id and raw (trimmed, not yet normalized) values
/// keyed by <see cref="AttributeName"/>. Multi-valued attributes keep every value in arrival order.
/// </summary>
public sealed class MatchInput
{
    private readonly string?[] _values = new string?[AttributeNames.Count];
    private List<string>? _emails;
    private List<string>? _phones;

    public MatchInput(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
    }

    public string Id { get; }

    public IReadOnlyList<string> Emails => (IReadOnlyList<string>?)_emails ?? [];

    public IReadOnlyList<string> Phones => (IReadOnlyList<string>?)_phones ?? [];

    /// <summary>The single value of an attribute, or the first one of a multi-valued attribute.</summary>
    public string? this[AttributeName attribute] => attribute switch
    {
        AttributeName.Email => _emails is { Count: > 0 } ? _emails[0] : null,
        AttributeName.Phone => _phones is { Count: > 0 } ? _phones[0] : null,
        _ => _values[(int)attribute],
    };

    /// <summary>Sets (or, for Email and Phone, appends) a value; blank values are ignored.</summary>
    public MatchInput Set(AttributeName attribute, string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return this;
        }

        switch (attribute)
        {
            case AttributeName.Email:
                (_emails ??= []).Add(trimmed);
                break;
            case AttributeName.Phone:
                (_phones ??= []).Add(trimmed);
                break;
            default:
                _values[(int)attribute] = trimmed;
                break;
        }

        return this;
    }
}
