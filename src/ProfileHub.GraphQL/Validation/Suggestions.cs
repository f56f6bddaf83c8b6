using System.Globalization;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// The "Did you mean ...?" hints of graphql-js's messages: <c>suggestionList</c> (a Damerau-Levenshtein distance
/// within 40% of the input, case changes counting as one edit) and <c>didYouMean</c> (at most five).
/// </summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    public static string DidYouMean(IReadOnlyList<string> suggestions) => DidYouMean(null, suggestions);

    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        var quoted = suggestions.Select(s => $"\"{s}\"").ToList();
        var message = " Did you mean " + (subMessage is null ? string.Empty : subMessage + " ");
        switch (quoted.Count)
        {
            case 0:
                return string.Empty;
            case 1:
                return message + quoted[0] + "?";
            case 2:
                return message + quoted[0] + " or " + quoted[1] + "?";
            default:
                var selected = quoted.Take(MaxSuggestions).ToList();
                return message + string.Join(", ", selected.Take(selected.Count - 1)) + ", or " + selected[^1] + "?";
        }
    }

    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var distances = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (Distance(input, option, threshold) is { } distance)
            {
                distances.TryAdd(option, distance);
            }
        }

        return distances.Keys
            .Order(Comparer<string>.Create((a, b) => distances[a] != distances[b] ? distances[a] - distances[b] : NaturalCompare(a, b)))
            .ToList();
    }

    /// <summary>graphql-js's <c>naturalCompare</c>: runs of digits compare by numeric value.</summary>
    public static int NaturalCompare(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }

                var numberA = decimal.Parse(a[startA..i], CultureInfo.InvariantCulture);
                var numberB = decimal.Parse(b[startB..j], CultureInfo.InvariantCulture);
                if (numberA != numberB)
                {
                    return numberA < numberB ? -1 : 1;
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i] < b[j] ? -1 : 1;
                }

                i++;
                j++;
            }
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int? Distance(string input, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var a = option.ToLowerInvariant();
        var b = input.ToLowerInvariant();
        if (a == b)
        {
            return 1;
        }

        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return null;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallestCell = currentRow[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    var doubleDiagonalCell = rows[(i - 2) % 3][j - 2];
                    currentCell = Math.Min(currentCell, doubleDiagonalCell + 1);
                }

                smallestCell = Math.Min(smallestCell, currentCell);
                currentRow[j] = currentCell;
            }

            // Early exit: no cell in this row is within the threshold, so the distance cannot be either.
            if (smallestCell > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }
}
