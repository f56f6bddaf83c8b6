using ProfileHub.GraphQL.Execution;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// Who may read a field, declared with the field (<see cref="FieldBuilder.Authorize"/>) or for every field of
/// a type that declares none (<see cref="ComplexTypeBuilder{TSelf}.AuthorizeFields"/>). The engine knows
/// nothing of users or roles: the host subclasses this. Being attached to the field definition, the check runs
/// on every path that reaches the field (a root field, a nested list, an interface's node), not only where an
/// operation starts; and the declaration stays readable on <see cref="FieldDefinition.Authorization"/>, so a
/// host can verify that every field carries one.
/// </summary>
public abstract class FieldAuthorization
{
    /// <summary>
    /// Every caller may read the field: the declaration for structure that carries no data of its own (Relay's
    /// connections, edges and page info: their nodes' fields carry their own declarations).
    /// </summary>
    public static FieldAuthorization Anyone { get; } = new Unrestricted();

    /// <summary>False when every caller may read the field: it keeps its plain resolver and no check runs.</summary>
    public abstract bool Restricts { get; }

    /// <summary>
    /// Runs before the field's resolver; a refusal throws (a <see cref="GraphQLException"/> with a code). The
    /// field is then null with that error and the rest of the operation runs; a non-null field's null reaches
    /// its nullable parent, as any field error does (spec 6.4.4).
    /// </summary>
    public abstract void Authorize(ResolveContext context);

    /// <summary>The resolver that checks first, then resolves (the default resolver when none was declared).</summary>
    internal static FieldResolver? Guard(FieldAuthorization? authorization, FieldResolver? resolver)
    {
        if (authorization is not { Restricts: true })
        {
            return resolver;
        }

        return resolver is null
            ? context =>
            {
                authorization.Authorize(context);
                return new ValueTask<object?>(context.ResolveDefault());
            }
            : context =>
            {
                authorization.Authorize(context);
                return resolver(context);
            };
    }
}

/// <summary><see cref="FieldAuthorization.Anyone"/>.</summary>
internal sealed class Unrestricted : FieldAuthorization
{
    public override bool Restricts => false;

    public override void Authorize(ResolveContext context)
    {
    }
}
