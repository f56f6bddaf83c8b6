using ProfileHub.GraphQL.Types;

namespace ProfileHub.Server.Tests.Api.Access;

/// <summary>
/// Plausible values for required arguments, as GraphQL literals, by coordinate (<c>Query.profile(id:)</c>):
/// ids of the seeded people, the walk's own segment, a rule that selects everyone. An argument without a value
/// fails the walk, naming its coordinate, so a new required argument gets a value here.
/// </summary>
internal sealed class ProbeArguments(IReadOnlyDictionary<string, Func<string>> values)
{
    public string For(ObjectType parent, FieldDefinition field, InputValueDefinition argument)
    {
        var coordinate = $"{parent.Name}.{field.Name}({argument.Name}:)";
        return values.TryGetValue(coordinate, out var value)
            ? value()
            : throw new InvalidOperationException($"The schema walk has no plausible value for the required argument {coordinate}: add one to the walk's arguments.");
    }
}
