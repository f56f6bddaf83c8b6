using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Storage.Model;

internal sealed class StewardConstraintConfiguration : IEntityTypeConfiguration<StewardConstraint>
{
    public void Configure(EntityTypeBuilder<StewardConstraint> builder)
    {
        builder.ToTable("steward_constraints");
        builder.Ignore(c => c.IsActive);
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(c => c.RecordA).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(c => c.RecordB).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoldenProfile>().WithMany().HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RecordA, c.RecordB });
        builder.HasIndex(c => c.RecordB);
        builder.HasIndex(c => c.ProfileId);
        builder.Property(c => c.Attribute).HasMaxLength(64);
        builder.Property(c => c.Actor).HasMaxLength(100);
    }
}

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.ToTable("review_items");
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(r => r.RecordA).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(r => r.RecordB).OnDelete(DeleteBehavior.Cascade);

        // One item per pair: a re-run that scores the same pair again updates nothing.
        builder.HasIndex(r => new { r.RecordA, r.RecordB }).IsUnique();
        builder.HasIndex(r => r.RecordB);
        builder.HasIndex(r => new { r.Status, r.Score });
        // The queue's default order (oldest first, keyset on created_at then id): its first page reads 50 index
        // entries instead of sorting every open item's row, explanation and all (migration 0015).
        builder.HasIndex(r => new { r.Status, r.CreatedAt, r.Id });
        builder.Property(r => r.Explanation).IsJson();
        builder.Property(r => r.ResolvedBy).HasMaxLength(100);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.Property(a => a.Actor).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Before).IsJson();
        builder.Property(a => a.After).IsJson();
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.OccurredAt });
    }
}

internal sealed class ErasureTombstoneConfiguration : IEntityTypeConfiguration<ErasureTombstone>
{
    public void Configure(EntityTypeBuilder<ErasureTombstone> builder)
    {
        builder.ToTable("erasure_tombstones");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
    }
}

internal sealed class InstallationSecretConfiguration : IEntityTypeConfiguration<InstallationSecret>
{
    public void Configure(EntityTypeBuilder<InstallationSecret> builder)
    {
        builder.ToTable("installation_secrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(128);
    }
}
