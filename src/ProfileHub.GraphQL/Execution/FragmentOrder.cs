using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// The fragments of a document in an order where each comes after every fragment it spreads, so a measure of each
/// fragment (depth, cost) can be computed once from the measures of the fragments it spreads, instead of re-walking a
/// fragment for every spread (which is exponential when each fragment spreads the previous one twice). A spread that
/// closes a cycle is left out (a cycle is a validation error, so such a document never runs). Walked with an explicit
/// stack: a chain of thousands of fragments must not exhaust the thread's stack.
/// </summary>
internal static class FragmentOrder
{
    public static List<FragmentDefinitionNode> Of(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, CancellationToken cancellationToken)
    {
        var order = new List<FragmentDefinitionNode>(fragments.Count);
        var finished = new Dictionary<string, bool>(StringComparer.Ordinal);
        var stack = new Stack<(FragmentDefinitionNode Fragment, List<string> Spreads, int Next)>();
        foreach (var root in fragments.Values)
        {
            if (finished.ContainsKey(root.Name.Value))
            {
                continue;
            }
            Push(root);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (fragment, spreads, next) = stack.Pop();
                if (next == spreads.Count)
                {
                    finished[fragment.Name.Value] = true;
                    order.Add(fragment);
                    continue;
                }
                stack.Push((fragment, spreads, next + 1));
                // Not yet seen: go down; on the stack (false): a cycle; finished (true): already in the order.
                if (!finished.ContainsKey(spreads[next]) && fragments.TryGetValue(spreads[next], out var spread))
                {
                    Push(spread);
                }
            }
        }
        return order;

        void Push(FragmentDefinitionNode fragment)
        {
            finished[fragment.Name.Value] = false;
            stack.Push((fragment, SpreadNames(fragment.SelectionSet), 0));
        }
    }

    /// <summary>The names spread anywhere in a selection set (under its fields and inline fragments too), not following spreads.</summary>
    private static List<string> SpreadNames(SelectionSetNode selectionSet)
    {
        var names = new List<string>();
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        names.Add(spread.Name.Value);
                        break;
                    case FieldNode { SelectionSet: { } children }:
                        pending.Push(children);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        return names;
    }
}
