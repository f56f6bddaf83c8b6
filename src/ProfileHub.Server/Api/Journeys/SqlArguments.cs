using System.Globalization;

namespace ProfileHub.Server.Api.Journeys;

/// <summary>
/// The values of a hand-written SQL statement for EF's <c>SqlQueryRaw</c>: <see cref="Add"/> keeps a value and
/// returns its placeholder (<c>{0}</c>, <c>{1}</c>, ...), so no value is ever spliced into the text.
/// </summary>
internal sealed class SqlArguments
{
    private readonly List<object> _values = [];

    public object[] Values => [.. _values];

    public string Add(object value)
    {
        _values.Add(value);
        return "{" + (_values.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
