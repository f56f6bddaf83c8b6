using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Storage;
using ProfileHub.Storage.Segments;
using Quartz;

namespace ProfileHub.Server.Segments;

/// <summary>A dry run of a rule: how many profiles it selects now, and a few of them.</summary>
internal sealed record SegmentPreview(int Size, IReadOnlyList<GoldenProfile> Sample);

/// <summary>
/// Segment CRUD, preview and refresh. Every rule is parsed and validated against the stored segments before
/// it is saved (INVALID_RULE with the position otherwise); a refresh folds new touchpoints into the traits
/// first, then materialises the membership with set-based SQL.
/// </summary>
internal sealed class SegmentActions(IDbContextFactory<ProfileHubDbContext> contexts, TimeProvider clock, IServiceProvider services)
{
    public const int SampleSize = 10;

    public async Task<Segment?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
    }

    public async Task<List<Segment>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Segments.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Saves a new segment; <paramref name="mayReadPersonalData"/> false refuses a rule that filters on a personal attribute (<see cref="RefusePersonalFields"/>).</summary>
    public async Task<Segment> CreateAsync(string name, string rule, string? description, string? schedule, bool mayReadPersonalData, CancellationToken cancellationToken)
    {
        CheckName(name);
        CheckSchedule(schedule);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Segments.AnyAsync(s => s.Name == name, cancellationToken))
        {
            throw new SegmentException(SegmentException.AlreadyExists, $"A segment named \"{name}\" exists already.");
        }

        RefusePersonalFields(await CompileAsync(db, name, rule, cancellationToken), mayReadPersonalData);
        var segment = new Segment(name, rule, description, schedule, clock.GetUtcNow());
        db.Segments.Add(segment);
        await db.SaveChangesAsync(cancellationToken);
        await RescheduleAsync(cancellationToken);
        return segment;
    }

    /// <summary>Changes the given parts; a new rule is checked as <see cref="CreateAsync"/> checks it (a kept rule is its author's).</summary>
    public async Task<Segment> UpdateAsync(string name, string? rule, string? description, string? schedule, bool mayReadPersonalData, CancellationToken cancellationToken)
    {
        CheckSchedule(schedule);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Name == name, cancellationToken) ?? throw Missing(name);
        var text = rule ?? segment.Rule;
        var compiled = await CompileAsync(db, name, text, cancellationToken);
        if (rule is not null)
        {
            RefusePersonalFields(compiled, mayReadPersonalData);
        }

        segment.Change(text, description ?? segment.Description, schedule ?? segment.Schedule, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await RescheduleAsync(cancellationToken);
        return segment;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Name == name, cancellationToken) ?? throw Missing(name);
        var readers = (await db.Segments.Where(s => s.Id != segment.Id).Select(s => new { s.Name, s.Rule }).ToListAsync(cancellationToken))
            .Where(s => RuleValidator.References(RuleParser.Parse(s.Rule)).Contains(name))
            .Select(s => s.Name)
            .ToList();
        if (readers.Count > 0)
        {
            throw new SegmentException(SegmentException.InUse, $"Segment \"{name}\" is read by in_segment in {string.Join(", ", readers)}: change those first.");
        }

        db.Segments.Remove(segment);
        await db.SaveChangesAsync(cancellationToken);
        await RescheduleAsync(cancellationToken);
        return true;
    }

    public async Task<SegmentPreview> PreviewAsync(string rule, bool mayReadPersonalData, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var compiled = await CompileAsync(db, "(preview)", rule, cancellationToken);
        RefusePersonalFields(compiled, mayReadPersonalData);
        var members = await TranslatorAsync(db, cancellationToken);
        var query = members.Members(compiled).AsNoTracking();
        var size = await query.CountAsync(cancellationToken);
        var sample = await query.OrderBy(p => p.Id).Take(SampleSize).ToListAsync(cancellationToken);
        return new SegmentPreview(size, sample);
    }

    /// <summary>Folds new touchpoints into the traits, then refreshes the segment's membership.</summary>
    public async Task<RefreshSummary> RefreshAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Name == name, cancellationToken) ?? throw Missing(name);
        var now = clock.GetUtcNow();
        await ProfileTraitFold.RunAsync(db, now, cancellationToken);
        var compiled = await CompileAsync(db, name, segment.Rule, cancellationToken);
        var translator = await TranslatorAsync(db, cancellationToken);
        return await SegmentRefresh.RunAsync(db, segment, translator.Members(compiled), now, cancellationToken);
    }

    /// <summary>Brings the Quartz jobs in step with the segments, where a scheduler runs (serve; not the export verb).</summary>
    private async Task RescheduleAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<SegmentSchedule>() is { } schedule)
        {
            await schedule.SyncAsync(cancellationToken);
        }
    }

    private async Task<RuleTranslator> TranslatorAsync(ProfileHubDbContext db, CancellationToken cancellationToken) =>
        new(db, clock.GetUtcNow(), await db.Segments.ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, cancellationToken));

    private static async Task<SegmentRule> CompileAsync(ProfileHubDbContext db, string name, string rule, CancellationToken cancellationToken)
    {
        var stored = await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Rule, StringComparer.Ordinal, cancellationToken);
        try
        {
            return RuleValidator.Compile(rule, name, other => other == name ? null : stored.GetValueOrDefault(other));
        }
        catch (RuleException e)
        {
            throw SegmentException.From(e);
        }
    }

    /// <summary>
    /// A caller who may not read personal data may not filter on it either: <c>email = "someone@example.com"</c>
    /// would be the lookup profileByIdentifier refuses it, and the member count an oracle. AUTH_NOT_AUTHORIZED,
    /// with the first such attribute's line, column and token and every one named.
    /// </summary>
    private static void RefusePersonalFields(SegmentRule rule, bool mayReadPersonalData)
    {
        if (mayReadPersonalData || RuleValidator.PersonalFields(rule.Root) is not [var first, ..] personal)
        {
            return;
        }

        var names = string.Join(", ", personal.Select(f => f.Name).Distinct(StringComparer.Ordinal));
        throw new SegmentException(
            SegmentException.NotAuthorized,
            $"The rule filters on personal data ({names}) at {first.Position}: this API key may not read personal data (it needs the ReadProfiles capability), so it may not filter on it either.",
            new Dictionary<string, object?>
            {
                ["line"] = first.Position.Line,
                ["column"] = first.Position.Column,
                ["token"] = first.Name,
                ["attributes"] = personal.Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList(),
            });
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new SegmentException(SegmentException.InvalidRule, "A segment name is 1 to 100 characters.");
        }
    }

    private static void CheckSchedule(string? schedule)
    {
        if (schedule is null)
        {
            return;
        }

        try
        {
            _ = new CronExpression(schedule);
        }
        catch (FormatException e)
        {
            throw new SegmentException(SegmentException.InvalidSchedule, $"\"{schedule}\" is not a Quartz cron expression (e.g. \"0 0 6 * * ?\" for 06:00 every day): {e.Message}");
        }
    }

    private static SegmentException Missing(string name) => new(SegmentException.NotFound, $"There is no segment named \"{name}\".");
}
