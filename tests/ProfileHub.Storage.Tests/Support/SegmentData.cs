using System.Globalization;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage.Segments;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Support;

/// <summary>
/// People for segment tests, each one profile with one record, written straight to the store: profiles with
/// a country, touchpoints classified by the real rule table, consent statements.
/// </summary>
internal sealed class SegmentData(TestDatabase database, DateTimeOffset now)
{
    private int _connector;
    private int _event;

    public DateTimeOffset Now { get; } = now;

    public Dictionary<string, Guid> Profiles { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Records { get; } = new(StringComparer.Ordinal);

    public async Task<Guid> PersonAsync(string name, string? country, ConsentStatus? email = null)
    {
        await using var db = database.CreateContext();
        if (_connector == 0)
        {
            var connector = new Connector("shop", ConnectorKind.File, 50, Now.AddYears(-1));
            db.Connectors.Add(connector);
            await db.SaveChangesAsync();
            _connector = connector.Id;
        }

        var record = new SourceRecord(_connector, name, Now.AddYears(-1), Now.AddYears(-1)) { FirstName = name };
        if (email is { } status)
        {
            record.Consents.Add(new ConsentState(ConsentChannel.Email, status, Now.AddDays(-40)));
        }

        db.SourceRecords.Add(record);
        var profile = new GoldenProfile(Guid.CreateVersion7(Now.AddYears(-1).AddMinutes(Profiles.Count)), Now.AddYears(-1));
        var lineage = new AttributeLineage(null, "shop", Now.AddYears(-1), "SourceTrust", false);
        profile.ReplaceAttributes(
            [new ProfileAttributeValue(AttributeNames.FirstName, name, 0, lineage), .. country is null ? Array.Empty<ProfileAttributeValue>() : [new ProfileAttributeValue(AttributeNames.Country, country, 0, lineage)]],
            Now.AddYears(-1));
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, LinkOrigin.Seed, Now.AddYears(-1)));
        await db.SaveChangesAsync();
        Profiles[name] = profile.Id;
        Records[name] = record.Id;
        return profile.Id;
    }

    /// <summary>Adds <paramref name="count"/> touchpoints of one type to a person, <paramref name="daysAgo"/> before now (a minute apart).</summary>
    public async Task TouchAsync(string name, TouchpointChannel channel, string type, double daysAgo, int count = 1, decimal? amount = null, string? metrics = null, string? properties = null)
    {
        await using var db = database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            db.Touchpoints.Add(new Touchpoint(
                _connector, "evt-" + (_event++).ToString(CultureInfo.InvariantCulture), channel, type, Now.AddDays(-daysAgo).AddMinutes(i),
                TouchpointRules.Default.Classify(channel, type), Now)
            {
                SourceRecordId = Records[name],
                Amount = amount,
                Metrics = metrics,
                Properties = properties,
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task<TraitFoldSummary> FoldAsync(DateTimeOffset? at = null, int chunkSize = ProfileTraitFold.DefaultChunkSize)
    {
        await using var db = database.CreateContext();
        return await ProfileTraitFold.RunAsync(db, at ?? Now, chunkSize, CancellationToken.None);
    }

    /// <summary>The names of the profiles a rule selects now, sorted.</summary>
    public async Task<List<string>> MembersAsync(string rule, IReadOnlyDictionary<string, string>? segments = null)
    {
        await using var db = database.CreateContext();
        var compiled = RuleValidator.Compile(rule, "under-test", name => segments?.GetValueOrDefault(name));
        var ids = db.Segments.ToDictionary(s => s.Name, s => s.Id, StringComparer.Ordinal);
        var translator = new RuleTranslator(db, Now, ids);
        var found = translator.Members(compiled).Select(p => p.Id).ToList();
        return [.. Profiles.Where(p => found.Contains(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal)];
    }
}
