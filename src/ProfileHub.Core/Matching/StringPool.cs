namespace ProfileHub.Core.Matching;

/// <summary>
/// Interns normalized values so records hold small integer ids: equality becomes an integer compare
/// and a value shared by many records is stored once. Id 0 is reserved for "missing".
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [string.Empty];

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    public int Intern(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        if (_ids.TryGetValue(value, out var id))
        {
            return id;
        }

        id = _values.Count;
        _values.Add(value);
        _ids.Add(value, id);
        return id;
    }

    /// <summary>The id of a value already interned, or 0 when the pool has never seen it.</summary>
    public int Find(string? value) =>
        !string.IsNullOrEmpty(value) && _ids.TryGetValue(value, out var id) ? id : 0;
}
