using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Model;

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    private const string Linked = "source_record_id IS NOT NULL";

    public void Configure(EntityTypeBuilder<Touchpoint> builder)
    {
        builder.ToTable("touchpoints");
        builder.Ignore(t => t.Classification);
        builder.HasOne<Connector>().WithMany().HasForeignKey(t => t.ConnectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(t => t.SourceRecordId).OnDelete(DeleteBehavior.Cascade);

        // Vendors resend (SendGrid several times, Segment within a day): the event id makes a resend a no-op.
        builder.HasIndex(t => new { t.ConnectorId, t.SourceEventId }).IsUnique();

        // A touchpoint either waits for its record (no record id yet) or is linked; each index covers the side
        // its queries read, so an insert maintains one index fewer (migration 0009).
        // With id and channel (INCLUDE on PostgreSQL and SQL Server, migration 0010): journey analytics read them
        // index-only. Each provider keeps its own annotation for the covering columns, so both are set.
        var byRecord = builder.HasIndex(t => new { t.SourceRecordId, t.OccurredAt }).HasFilter(Linked);
        NpgsqlIndexBuilderExtensions.IncludeProperties(byRecord, t => new { t.Id, t.Channel });
        SqlServerIndexBuilderExtensions.IncludeProperties(byRecord, t => new { t.Id, t.Channel });
        builder.HasIndex(t => new { t.ConnectorId, t.SourceKey }).HasFilter("source_record_id IS NULL");

        // Touchpoints of given types in a recent window (a rule's behavioural counts, an audience's frequency cap).
        builder.HasIndex(t => new { t.Type, t.OccurredAt, t.Channel, t.SourceRecordId }).HasFilter(Linked);
        builder.Property(t => t.SourceEventId).HasMaxLength(200);
        builder.Property(t => t.SourceKey).HasMaxLength(200);
        builder.Property(t => t.Type).HasMaxLength(64);
        builder.Property(t => t.Amount).HasPrecision(18, 4);
        builder.Property(t => t.Currency).HasMaxLength(3);
        builder.Property(t => t.Metrics).IsJson();
        builder.Property(t => t.Properties).IsJson();
    }
}
