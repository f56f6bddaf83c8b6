using System.Text.RegularExpressions;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// The examples README.md and docs/*.md show a reader, taken from the files themselves so that a new example is
/// tested without anyone adding it here: every ```graphql block is one operation, and every line of a ```rules
/// block is one segment rule (its trailing `# comment`, when there is one, names the segment it makes).
/// </summary>
internal static partial class DocumentedExamples
{
    public static IReadOnlyList<DocumentedExample> GraphQL => [.. Blocks("graphql").Select(b => new DocumentedExample(b.Where, b.Text, null))];

    public static IReadOnlyList<DocumentedExample> Rules =>
    [
        .. Blocks("rules").SelectMany(b => b.Text.Split('\n')
            .Select((line, i) => (Line: line.Trim(), Where: $"{b.Where}, rule {i + 1}"))
            .Where(r => r.Line.Length > 0)
            .Select(r => new DocumentedExample(r.Where, r.Line, RuleName().Match(r.Line) is { Success: true } m ? m.Groups[1].Value.Trim() : null))),
    ];

    /// <summary>The repository's root: the directory above the tests that holds README.md and docs/.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "README.md")) && Directory.Exists(Path.Combine(directory.FullName, "docs")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("README.md and docs/ not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<(string Where, string Text)> Blocks(string language)
    {
        var files = new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            foreach (Match block in Fence().Matches(text))
            {
                if (block.Groups[1].Value == language)
                {
                    var line = text[..block.Index].Count(c => c == '\n') + 1;
                    yield return ($"{Path.GetRelativePath(Root, file)}:{line}", block.Groups[2].Value);
                }
            }
        }
    }

    [GeneratedRegex(@"^```(\w*)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"#\s*(.+)$")]
    private static partial Regex RuleName();
}

/// <summary>One documented example: where it is (file:line), its text, and for a rule the segment name its comment gives.</summary>
internal sealed record DocumentedExample(string Where, string Text, string? Name)
{
    public override string ToString() => Where;
}
