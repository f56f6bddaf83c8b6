using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles; each cycle is reported once, with its path.</summary>
internal sealed class NoFragmentCyclesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            DetectCycles(fragment);
        }

        return node is DocumentNode;
    }

    private void DetectCycles(FragmentDefinitionNode fragment)
    {
        Context.CancellationToken.ThrowIfCancellationRequested();
        var name = fragment.Name.Value;
        if (!_visited.Add(name))
        {
            return;
        }

        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _spreadPathIndexByName[name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (Context.GetFragment(spreadName) is { } target)
                {
                    DetectCycles(target);
                }
            }
            else
            {
                var cyclePath = _spreadPath[cycleIndex..];
                var via = string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => $"\"{s.Name.Value}\""));
                Context.ReportError($"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."), cyclePath);
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _spreadPathIndexByName.Remove(name);
    }
}
