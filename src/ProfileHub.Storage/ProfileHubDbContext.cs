using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage.Model;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Storage;

/// <summary>
/// The unit of work over the whole store; one model for both providers. Built from its options alone (the
/// provider rides in them, see <see cref="StorageProvider.ConfigureDbContext"/>), so the server can pool it.
/// </summary>
public sealed class ProfileHubDbContext(DbContextOptions<ProfileHubDbContext> options) : DbContext(options)
{
    private readonly StorageProvider _provider = options.FindExtension<StorageProviderExtension>()?.Provider
        ?? throw new InvalidOperationException("Configure a ProfileHubDbContext with StorageProvider.ConfigureDbContext.");

    public DbSet<Connector> Connectors => Set<Connector>();

    public DbSet<ConnectorRun> ConnectorRuns => Set<ConnectorRun>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<QuarantinedRow> QuarantinedRows => Set<QuarantinedRow>();

    public DbSet<InboundPayload> InboundPayloads => Set<InboundPayload>();

    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();

    public DbSet<RecordIdentifier> RecordIdentifiers => Set<RecordIdentifier>();

    public DbSet<ConsentState> Consents => Set<ConsentState>();

    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();

    public DbSet<GoldenProfile> Profiles => Set<GoldenProfile>();

    public DbSet<ProfileAttributeValue> ProfileAttributes => Set<ProfileAttributeValue>();

    public DbSet<ProfileMembership> Memberships => Set<ProfileMembership>();

    public DbSet<StewardConstraint> StewardConstraints => Set<StewardConstraint>();

    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    public DbSet<ErasureTombstone> ErasureTombstones => Set<ErasureTombstone>();

    public DbSet<InstallationSecret> InstallationSecrets => Set<InstallationSecret>();

    public DbSet<SampleLoadDay> SampleLoadDays => Set<SampleLoadDay>();

    public DbSet<Core.Matching.StoredMatchModel> MatchModels => Set<Core.Matching.StoredMatchModel>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<SegmentMembership> SegmentMemberships => Set<SegmentMembership>();

    public DbSet<ProfileTraits> ProfileTraits => Set<ProfileTraits>();

    internal StorageProvider Provider => _provider;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        _provider.ConfigureConventions(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProfileHubDbContext).Assembly);
        _provider.ConfigureModel(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
