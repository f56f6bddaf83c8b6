namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// The response being built: objects and lists with slots, each knowing the slot that holds it, so that a null in
/// a non-null position can null out the nearest nullable parent (spec 6.4.4 "Handling Execution Errors").
/// </summary>
internal abstract class ResultNode
{
    protected ResultNode(ResultNode? parent, int slot, bool slotNullable)
    {
        Parent = parent;
        Slot = slot;
        SlotNullable = slotNullable;
    }

    public ResultNode? Parent { get; }

    public int Slot { get; }

    public bool SlotNullable { get; }

    /// <summary>Replaced by null because of a null in a non-null position below it.</summary>
    public bool Dead { get; set; }

    public bool IsAlive
    {
        get
        {
            for (var node = this; node is not null; node = node.Parent)
            {
                if (node.Dead)
                {
                    return false;
                }
            }
            return true;
        }
    }

    public abstract void Set(int slot, object? value);

    /// <summary>
    /// The response path of one of this node's slots, derived from the tree (each node knows its parent and slot), so
    /// execution builds paths only for the errors and resolvers that ask for them.
    /// </summary>
    public ResultPath PathAt(int slot)
    {
        var parentPath = Parent?.PathAt(Slot);
        if (this is ResultObject obj)
        {
            var field = obj.Plan.Fields[slot];
            return parentPath is null ? ResultPath.Root(field.ResponseKey, field.Ordinal) : parentPath.Append(field.ResponseKey, field.Ordinal);
        }
        return parentPath!.Append(slot);
    }
}

internal sealed class ResultObject : ResultNode
{
    public ResultObject(SelectionPlan plan, ResultNode? parent, int slot, bool slotNullable)
        : base(parent, slot, slotNullable)
    {
        Plan = plan;
        Values = new object?[plan.Fields.Length];
    }

    public SelectionPlan Plan { get; }

    public object?[] Values { get; }

    public override void Set(int slot, object? value) => Values[slot] = value;
}

internal sealed class ResultList : ResultNode
{
    public ResultList(int count, ResultNode? parent, int slot, bool slotNullable)
        : base(parent, slot, slotNullable)
    {
        Items = new object?[count];
    }

    public object?[] Items { get; }

    public override void Set(int slot, object? value) => Items[slot] = value;
}
