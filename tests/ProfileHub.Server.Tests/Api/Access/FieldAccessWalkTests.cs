using System.Globalization;
using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api;
using ProfileHub.Server.Api.Segments;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;
using Xunit.Abstractions;

namespace ProfileHub.Server.Tests.Api.Access;

/// <summary>
/// Issue 14: authorization holds per field on every path. For each role, every field reachable from the root
/// fields the role may call (<see cref="SchemaProbes"/>: one operation per path, required arguments filled with
/// the seeded people and a segment of everyone) runs over HTTP against the real server. What each field may
/// give whom is derived from its declaration (<see cref="FieldAccess"/>), so a new field is walked with the
/// decision it was declared with, and the schema does not build without one. A response to a key without
/// ReadProfiles must hold no seeded personal value, and every personal field it reaches answers
/// AUTH_NOT_AUTHORIZED; a key with it is refused nothing it may read. SQLite only: the checks run in the
/// executor, the same on both databases (the segment API tests run the issue's probes on both).
/// </summary>
public sealed class FieldAccessWalkTests(ApiFixture<SqliteTestDatabase> fixture, ITestOutputHelper output) : IClassFixture<ApiFixture<SqliteTestDatabase>>, IAsyncLifetime
{
    private const string Everyone = "walk-everyone";

    /// <summary>The channel the walk pulls audiences for: Robert granted sms consent, so the audience has a member.</summary>
    private const ConsentChannel AudienceChannel = ConsentChannel.Sms;

    private static readonly Schema Schema = ProfileHubSchema.Build();

    private ApiServer Server => fixture.Server;

    public async Task InitializeAsync()
    {
        if ((await Server.PostAsync($$"""{ segment(name: "{{Everyone}}") { name } }""")).Ok().Data.GetProperty("segment").ValueKind == JsonValueKind.Null)
        {
            (await Server.PostAsync($$"""mutation { createSegment(name: "{{Everyone}}", rule: "touchpoints >= 0") { name } }""")).Ok();
        }

        (await Server.PostAsync($$"""mutation { refreshSegment(name: "{{Everyone}}") { members } }""")).Ok();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_field_of_the_api_declares_who_may_read_it()
    {
        var declared = Schema.Types.OfType<ObjectType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Values.Select(f => (Coordinate: $"{t.Name}.{f.Name}", f.Authorization)))
            .ToList();

        Assert.Empty(FieldAccess.Undeclared(Schema));
        Assert.All(declared, d => Assert.True(d.Authorization is FieldAccess || ReferenceEquals(d.Authorization, FieldAuthorization.Anyone), d.Coordinate));
        Assert.Contains(declared, d => d.Authorization is FieldAccess { Data: DataClass.Personal });
    }

    [Fact]
    public void Steward_mutations_left_out_of_the_walk_belong_to_keys_that_read_personal_data_anyway()
    {
        // The walk does not run merge, split, pin and erase (they change the seeded people): whoever may run
        // them may read personal data, so they cannot carry it to a key that may not.
        Assert.All(Enum.GetValues<ApiRole>().Where(r => r.Allows(Capability.Steward)), r => Assert.True(r.Allows(Capability.ReadProfiles), r.ToString()));
    }

    [Theory]
    [InlineData(ApiRole.Segmentation)]
    [InlineData(ApiRole.Marketing)]
    [InlineData(ApiRole.Steward)]
    [InlineData(ApiRole.Admin)]
    public async Task Every_field_a_role_reaches_gives_personal_data_only_to_a_key_that_may_read_it(ApiRole role)
    {
        var capabilities = RoleCapabilities.Of(role);
        await using var db = fixture.Database.CreateContext();
        var personal = await SeededPersonalValues.ReadAsync(db);
        var probes = new SchemaProbes(Schema, Arguments());
        var failures = new List<string>();
        var mustRefuse = new HashSet<string>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var walked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (root, field) in RootFields())
        {
            var callable = !Denies(field.Authorization, capabilities);
            // A root the role may not call is probed once: it must be refused there. A key that may read personal
            // data cannot leak it, so it walks each field once (by its first path) rather than every path to it:
            // what is checked there is only that nothing it may read is refused, and it keeps the walk to seconds.
            var paths = probes.From(root, field);
            paths = !callable ? paths.Take(1)
                : capabilities.HasFlag(Capability.ReadProfiles) ? paths.Where(p => walked.Add($"{p.Last.Parent.Name}.{p.Last.Field.Name}"))
                : paths;
            foreach (var probe in paths)
            {
                count++;
                var response = await Server.PostAsync(probe.Document, null, role);
                var denied = probe.Steps.FirstOrDefault(s => Denies(s.Field.Authorization, capabilities));
                var refusals = Refusals(response.Body);
                if (response.Status != 200)
                {
                    failures.Add($"{probe}: HTTP {response.Status} {response.Text}");
                }
                else if (denied is null && refusals.Count > 0)
                {
                    failures.Add($"{probe}: refused a field the {role} key may read: {string.Join(", ", refusals)}");
                }
                else if (denied is not null)
                {
                    var coordinate = $"{denied.Parent.Name}.{denied.Field.Name}";
                    mustRefuse.Add(coordinate);
                    if (refusals.Count > 0)
                    {
                        refused.Add(coordinate);
                    }
                }

                if (!capabilities.HasFlag(Capability.ReadProfiles) && !DeliveredContactPoint(probe, capabilities) && personal.FoundIn(response.Body) is [_, ..] leaked)
                {
                    failures.Add($"{probe}: the {role} key read personal data: {string.Join(", ", leaked)}");
                }
            }
        }

        output.WriteLine($"{role}: {count} probes, {personal.Count} seeded personal values, refused {refused.Count} of {mustRefuse.Count} fields it may not read");
        Assert.Empty(failures);
        // Each field the role may not read was reached with data behind it and refused at least once.
        Assert.Equal(mustRefuse.Order(StringComparer.Ordinal), refused.Order(StringComparer.Ordinal));
    }

    /// <summary>Every root field, steward mutations aside (see the test above).</summary>
    private static IEnumerable<(ObjectType Root, FieldDefinition Field)> RootFields() =>
        new[] { Schema.QueryType, Schema.MutationType! }
            .SelectMany(root => root.Fields.Values.Select(f => (root, f)))
            .Where(r => !(ReferenceEquals(r.root, Schema.MutationType) && r.f.Authorization is FieldAccess { Needs: Capability.Steward }));

    /// <summary>Whether the declaration refuses a key with these capabilities (an audience is pulled for <see cref="AudienceChannel"/>).</summary>
    private static bool Denies(FieldAuthorization? authorization, Capability capabilities) => authorization switch
    {
        ContactPointAccess contact => !capabilities.HasFlag(Capability.ReadProfiles)
            && !(capabilities.HasFlag(Capability.Audiences) && contact.Channels.Contains(AudienceChannel)),
        FieldAccess access => (capabilities & access.Needs) != access.Needs,
        _ => false,
    };

    /// <summary>The activation contract: the audience's own channel's contact point, which an audience puller reads.</summary>
    private static bool DeliveredContactPoint(Probe probe, Capability capabilities) =>
        probe.Last.Field.Authorization is ContactPointAccess && !Denies(probe.Last.Field.Authorization, capabilities);

    private static List<string> Refusals(JsonElement body) => body.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray()
            .Where(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) && c.GetString() == ApiAccess.NotAuthorized)
            .Select(e => e.TryGetProperty("path", out var path) ? string.Join(".", path.EnumerateArray()) : "(no path)")]
        : [];

    /// <summary>These records' profiles at their current versions, as a [ProfileVersionInput!] literal (previewMerge changes nothing, so the walk may ask it).</summary>
    private string ProfileVersions(params long[] records)
    {
        using var db = fixture.Database.CreateContext();
        var versions = db.Memberships.Where(m => records.Contains(m.RecordId)).Join(db.Profiles, m => m.ProfileId, p => p.Id, (m, p) => new { p.Id, p.Version }).ToList();
        return "[" + string.Join(", ", versions.Select(v => "{ id: " + JsonSerializer.Serialize(v.Id.ToString()) + ", version: " + v.Version.ToString(CultureInfo.InvariantCulture) + " }")) + "]";
    }

    private ProbeArguments Arguments()
    {
        var scenario = fixture.Scenario;
        string Text(string value) => JsonSerializer.Serialize(value);
        var profile = Text(scenario.RobertProfile.ToString());
        var segment = Text(Everyone);
        var everyone = Text("touchpoints >= 0");
        return new ProbeArguments(new Dictionary<string, Func<string>>(StringComparer.Ordinal)
        {
            ["Query.profile(id:)"] = () => profile,
            ["Query.profileByIdentifier(kind:)"] = () => "EMAIL",
            ["Query.profileByIdentifier(value:)"] = () => Text(ApiScenario.Robert.Email!),
            ["Query.subjectAccess(email:)"] = () => Text(ApiScenario.Robert.Email!),
            ["Query.node(id:)"] = () => profile,
            ["Query.nodes(ids:)"] = () => $"[{profile}, {Text(NodeIds.Record(scenario.RobertRecord))}, {Text(NodeIds.Review(scenario.ReviewItem))}]",
            ["Query.searchProfiles(query:)"] = () => Text("Castellano"),
            ["Query.segment(name:)"] = () => segment,
            ["Query.audience(segment:)"] = () => segment,
            ["Query.audience(channel:)"] = () => AudienceChannel.ToString().ToUpperInvariant(),
            ["Query.audienceChanges(segment:)"] = () => segment,
            ["Query.audienceChanges(since:)"] = () => Text("2000-01-01T00:00:00Z"),
            ["Query.previewMerge(profiles:)"] = () => ProfileVersions(scenario.RobertRecord, scenario.HarrietRecord),
            ["Profile.attribute(name:)"] = () => Text("Email"),
            ["Mutation.createSegment(name:)"] = () => Text("walk-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)),
            ["Mutation.createSegment(rule:)"] = () => everyone,
            ["Mutation.updateSegment(name:)"] = () => segment,
            ["Mutation.deleteSegment(name:)"] = () => Text("walk-no-such-segment"),
            ["Mutation.previewSegment(rule:)"] = () => everyone,
            ["Mutation.refreshSegment(name:)"] = () => segment,
        });
    }
}
