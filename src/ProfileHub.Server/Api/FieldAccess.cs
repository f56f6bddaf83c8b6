using ProfileHub.Core.Access;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.Server.Api;

/// <summary>What a field's value is, as far as authorization cares.</summary>
internal enum DataClass
{
    /// <summary>Identifies or describes no one: ProfileHub's own ids and times, segments, counts, aggregates.</summary>
    NotPersonal,

    /// <summary>Identifies or describes a person: readable with ReadProfiles only.</summary>
    Personal,

    /// <summary>Personal, and also readable by an audience puller where the activation contract delivers it (<see cref="Segments.ContactPointAccess"/>).</summary>
    ContactPoint,
}

/// <summary>
/// Who may read a field of the API, declared where the field is declared (<c>f.Authorize(FieldAccess.Personal)</c>,
/// or <c>o.AuthorizeFields(...)</c> for a type's undeclared fields). The check runs wherever the field is
/// reached, so one declaration covers every path to it: root fields, previewSegment's sample, node(id),
/// nested lists and connections. <see cref="ProfileHubSchema"/> refuses to build when a field has no declaration.
/// <para>
/// The rule (issue 14): personal data is readable only with ReadProfiles. Personal is anything that identifies
/// or describes a person: names, emails, phones, addresses and city, birth dates, identifiers, attribute values
/// and their lineage, source records, consent statements, touchpoints and journeys, match explanations (they
/// quote values) and audit snapshots. Not personal: a profile's id (ProfileHub's own pseudonymous key, which
/// audiences deliver), version, status and times; a country (it singles no one out); segments; counts and
/// aggregates. A root field states the capability of its operation (<see cref="Requires"/>); what it returns
/// is governed by the declarations of the returned type's fields.
/// </para>
/// </summary>
internal class FieldAccess : FieldAuthorization
{
    private protected FieldAccess(Capability needs, DataClass data)
    {
        Needs = needs;
        Data = data;
    }

    public static FieldAccess NotPersonal { get; } = new(Capability.None, DataClass.NotPersonal);

    public static FieldAccess Personal { get; } = new(Capability.ReadProfiles, DataClass.Personal);

    /// <summary>The capability that reads the field.</summary>
    public Capability Needs { get; }

    public DataClass Data { get; }

    public override bool Restricts => Needs != Capability.None;

    /// <summary>A root field: the operation needs <paramref name="capability"/>.</summary>
    public static FieldAccess Requires(Capability capability) => new(capability, DataClass.NotPersonal);

    /// <summary>What a refused caller lacks, for the error message.</summary>
    protected virtual string Requirement => $"the {Needs} capability";

    /// <summary>
    /// The fields of the schema's object types that declare no access (introspection's own types aside).
    /// <see cref="ProfileHubSchema"/> refuses to build with any, so no field ships without a decision.
    /// </summary>
    public static List<string> Undeclared(Schema schema) =>
        [.. schema.Types.OfType<ObjectType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Values.Where(f => f.Authorization is null).Select(f => $"{t.Name}.{f.Name}"))];

    public override void Authorize(ResolveContext context)
    {
        if (!Allows(ApiAccess.Capabilities(context), context))
        {
            throw ApiAccess.Refusal(context, Requirement);
        }

        // An allowed read of personal data is audited; a root field names the reads below it.
        if (Data != DataClass.NotPersonal || context.Path.Parent is null)
        {
            Privacy.ReadAudit.Note(context);
        }
    }

    /// <summary>Whether a caller with <paramref name="capabilities"/> may read the field on this parent.</summary>
    protected virtual bool Allows(Capability capabilities, ResolveContext context) => (capabilities & Needs) == Needs;
}
