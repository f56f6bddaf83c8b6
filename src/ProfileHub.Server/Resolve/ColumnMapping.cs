using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;

namespace ProfileHub.Server.Resolve;

/// <summary>
/// The `--map column=Attribute` options of `profilehub resolve`: each source column maps once; only the
/// multi-valued attributes (<see cref="AttributeNames.MultiValued"/>) may receive several columns.
/// </summary>
internal sealed class ColumnMapping
{
    private ColumnMapping(IReadOnlyList<(string Column, AttributeName Attribute)> entries) => Entries = entries;

    public IReadOnlyList<(string Column, AttributeName Attribute)> Entries { get; }

    public static ColumnMapping Parse(IEnumerable<string> options, out List<string> errors)
    {
        errors = [];
        var entries = new List<(string Column, AttributeName Attribute)>();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        var attributes = new HashSet<AttributeName>();
        foreach (var option in options)
        {
            var equals = option.LastIndexOf('=');
            if (equals <= 0 || equals == option.Length - 1)
            {
                errors.Add($"--map '{option}' is not of the form column=Attribute");
                continue;
            }

            var column = option[..equals].Trim();
            var name = option[(equals + 1)..].Trim();
            if (!AttributeNames.TryParse(name, out var attribute))
            {
                errors.Add($"--map '{option}': unknown attribute '{name}' (known: {string.Join(' ', AttributeNames.All)})");
                continue;
            }

            if (!columns.Add(column))
            {
                errors.Add($"--map '{option}': column '{column}' is mapped more than once");
                continue;
            }

            if (!attributes.Add(attribute) && !AttributeNames.IsMultiValued(attribute))
            {
                errors.Add($"--map '{option}': attribute {attribute} already has a column (only {AttributeNames.MultiValuedText} take several)");
                continue;
            }

            entries.Add((column, attribute));
        }

        return new ColumnMapping(entries);
    }
}
