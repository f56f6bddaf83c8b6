using System.Text;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.Server.Tests.Api.Access;

/// <summary>One field on the way from a root field to a probe's last field; <see cref="Via"/> is set when the parent was reached through an interface (an inline fragment).</summary>
internal sealed record ProbeStep(ObjectType Parent, FieldDefinition Field, ObjectType? Via);

/// <summary>One operation that selects one path of fields from a root field down to <see cref="Last"/>.</summary>
internal sealed record Probe(string Document, IReadOnlyList<ProbeStep> Steps)
{
    public ProbeStep Last => Steps[^1];

    public override string ToString() => string.Join(" > ", Steps.Select(s => $"{s.Parent.Name}.{s.Field.Name}"));
}

/// <summary>
/// Walks the schema from root fields: one probe per path to every field reachable within <see cref="MaxFields"/>
/// fields, never entering a type already on the path (profile → mergedInto → profile adds nothing new), through
/// every object type of an interface. Required arguments come from <see cref="ProbeArguments"/>, which fails
/// on an argument it has no plausible value for, so a new required argument cannot go unwalked.
/// </summary>
internal sealed class SchemaProbes(Schema schema, ProbeArguments arguments)
{
    public const int MaxFields = 5;

    public IEnumerable<Probe> From(ObjectType root, FieldDefinition field)
    {
        var operation = ReferenceEquals(root, schema.MutationType) ? "mutation" : "query";
        return Walk([new ProbeStep(root, field, null)], [root.Name])
            .Select(steps => new Probe($"{operation} {{ {Render(steps, 0)} }}", steps));
    }

    private IEnumerable<List<ProbeStep>> Walk(List<ProbeStep> steps, HashSet<string> typesOnPath)
    {
        var below = steps[^1].Field.Type.Named;
        if (below is not ComplexType complex)
        {
            yield return steps;
            yield break;
        }

        var children = new List<List<ProbeStep>>();
        if (steps.Count < MaxFields && !typesOnPath.Contains(below.Name))
        {
            foreach (var type in schema.GetPossibleTypes(complex))
            {
                var via = complex is InterfaceType ? type : null;
                foreach (var field in type.Fields.Values)
                {
                    children.AddRange(Walk([.. steps, new ProbeStep(type, field, via)], [.. typesOnPath, below.Name]));
                }
            }
        }

        // A composite field with nothing left to walk below is still probed, for its __typename.
        foreach (var child in children.Count > 0 ? children : [steps])
        {
            yield return child;
        }
    }

    private string Render(IReadOnlyList<ProbeStep> steps, int index)
    {
        var step = steps[index];
        var text = new StringBuilder(step.Field.Name);
        var required = step.Field.Arguments.Values.Where(a => a.IsRequired).ToList();
        if (required.Count > 0)
        {
            text.Append('(').AppendJoin(", ", required.Select(a => $"{a.Name}: {arguments.For(step.Parent, step.Field, a)}")).Append(')');
        }

        if (index + 1 < steps.Count)
        {
            text.Append(" { ").Append(Render(steps, index + 1)).Append(" }");
        }
        else if (step.Field.Type.Named is ComplexType)
        {
            text.Append(" { __typename }");
        }

        return step.Via is { } via ? $"... on {via.Name} {{ {text} }}" : text.ToString();
    }
}
