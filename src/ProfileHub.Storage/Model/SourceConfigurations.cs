using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Sources;

namespace ProfileHub.Storage.Model;

internal sealed class ConnectorConfiguration : IEntityTypeConfiguration<Connector>
{
    public void Configure(EntityTypeBuilder<Connector> builder)
    {
        builder.ToTable("connectors");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Format).HasMaxLength(64);
        builder.Property(c => c.Schedule).HasMaxLength(120);
        builder.Property(c => c.Settings).IsJson();
        builder.Property(c => c.State).IsJson();
    }
}

internal sealed class ConnectorRunConfiguration : IEntityTypeConfiguration<ConnectorRun>
{
    public void Configure(EntityTypeBuilder<ConnectorRun> builder)
    {
        builder.ToTable("connector_runs");
        builder.HasOne(r => r.Connector).WithMany().HasForeignKey(r => r.ConnectorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ConnectorId, r.StartedAt });

        // Each run looks for runs in progress whose process died (ConnectorRun.IsAbandoned): only those are indexed.
        builder.HasIndex(r => r.HeartbeatAt).HasFilter("finished_at IS NULL");
        builder.Property(r => r.WatermarkBefore).IsJson();
        builder.Property(r => r.WatermarkAfter).IsJson();
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("retention_runs");
        builder.HasOne<Connector>().WithMany().HasForeignKey(r => r.ConnectorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ConnectorId, r.StartedAt });
    }
}

internal sealed class QuarantinedRowConfiguration : IEntityTypeConfiguration<QuarantinedRow>
{
    public void Configure(EntityTypeBuilder<QuarantinedRow> builder)
    {
        builder.ToTable("quarantined_rows");
        builder.HasOne<ConnectorRun>().WithMany().HasForeignKey(q => q.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Connector>().WithMany().HasForeignKey(q => q.ConnectorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => q.RunId);

        // Ingestion looks a batch's rejected rows up here so that a row read again is not quarantined twice.
        builder.HasIndex(q => new { q.ConnectorId, q.Position });
        builder.Property(q => q.Position).HasMaxLength(400);
    }
}

internal sealed class SourceRecordConfiguration : IEntityTypeConfiguration<SourceRecord>
{
    public void Configure(EntityTypeBuilder<SourceRecord> builder)
    {
        builder.ToTable("source_records");
        builder.HasOne<Connector>().WithMany().HasForeignKey(r => r.ConnectorId).OnDelete(DeleteBehavior.Restrict);

        // The source's own key identifies the record: a re-read updates it instead of adding a copy.
        builder.HasIndex(r => new { r.ConnectorId, r.SourceKey }).IsUnique();
        // Partial: only the records waiting for the match job are indexed, however large the table grows.
        builder.HasIndex(r => r.NeedsMatching).HasFilter("needs_matching");
        builder.Property(r => r.SourceKey).HasMaxLength(200);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.RawPayload).IsJson();
        builder.OwnsOne(r => r.Address, address =>
        {
            address.Property(a => a.Country).HasMaxLength(2);
        });
        builder.Navigation(r => r.Address).IsRequired();
        builder.HasMany(r => r.Identifiers).WithOne().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Consents).WithOne().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordIdentifierConfiguration : IEntityTypeConfiguration<RecordIdentifier>
{
    public void Configure(EntityTypeBuilder<RecordIdentifier> builder)
    {
        builder.ToTable("record_identifiers");
        builder.Property(i => i.Value).HasMaxLength(400);
        builder.Property(i => i.NormalizedValue).HasMaxLength(400);

        // profileByIdentifier and exact-identifier blocking look records up by normalized value.
        builder.HasIndex(i => new { i.Kind, i.NormalizedValue });
        builder.HasIndex(i => i.RecordId);
    }
}

internal sealed class ConsentStateConfiguration : IEntityTypeConfiguration<ConsentState>
{
    public void Configure(EntityTypeBuilder<ConsentState> builder)
    {
        builder.ToTable("record_consents");
        builder.Property(c => c.Scope).HasMaxLength(200);
        builder.Property(c => c.ContactPoint).HasMaxLength(400);
        builder.HasIndex(c => c.RecordId);

        // An audience asks, per address, for the latest statement about it from any record.
        builder.HasIndex(c => new { c.Channel, c.ContactPoint, c.ObservedAt });
    }
}

internal sealed class InboundPayloadConfiguration : IEntityTypeConfiguration<InboundPayload>
{
    public void Configure(EntityTypeBuilder<InboundPayload> builder)
    {
        builder.ToTable("inbound_payloads");
        builder.HasOne<Connector>().WithMany().HasForeignKey(p => p.ConnectorId).OnDelete(DeleteBehavior.Cascade);

        // The job reads a connector's unprocessed payloads in arrival order.
        builder.HasIndex(p => new { p.ConnectorId, p.Processed, p.Id });
    }
}

internal sealed class SampleLoadDayConfiguration : IEntityTypeConfiguration<SampleLoadDay>
{
    public void Configure(EntityTypeBuilder<SampleLoadDay> builder)
    {
        builder.ToTable("sample_load_day");
        builder.Property(d => d.Id).ValueGeneratedNever();
    }
}
