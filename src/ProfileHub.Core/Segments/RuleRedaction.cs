namespace ProfileHub.Core.Segments;

/// <summary>
/// A stored rule as a reader without ReadProfiles sees it (issue 14): every value compared with a personal
/// attribute (<c>email = "someone@example.com"</c>) becomes <see cref="Mask"/>, so a segment another key wrote
/// does not hand its literal personal data to a segmentation key. The rest of the rule (its shape, other
/// attributes' values, comments aside) stays readable.
/// </summary>
public static class RuleRedaction
{
    public const string Mask = "\"…\"";

    public static string MaskPersonalValues(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        RuleNode root;
        try
        {
            root = RuleParser.Parse(rule);
        }
        catch (RuleException)
        {
            // A stored rule parsed when it was saved; one that no longer does is shown as nothing rather than as text.
            return Mask;
        }

        var literals = RuleValidator.PersonalComparisons(root).Select(c => c.Value).OrderByDescending(v => v.Position.Line).ThenByDescending(v => v.Position.Column);
        var lines = rule.Split('\n');
        foreach (var literal in literals)
        {
            var line = lines[literal.Position.Line - 1];
            var start = literal.Position.Column - 1;
            lines[literal.Position.Line - 1] = string.Concat(line.AsSpan(0, start), Mask, line.AsSpan(start + literal.Text.Length));
        }

        return string.Join('\n', lines);
    }
}
