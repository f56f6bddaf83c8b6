using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Storage.Segments;

namespace ProfileHub.Storage.Model;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("segments");
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Schedule).HasMaxLength(120);
    }
}

internal sealed class SegmentMembershipConfiguration : IEntityTypeConfiguration<SegmentMembership>
{
    public void Configure(EntityTypeBuilder<SegmentMembership> builder)
    {
        builder.ToTable("segment_memberships");
        builder.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoldenProfile>().WithMany().HasForeignKey(m => m.ProfileId).OnDelete(DeleteBehavior.Cascade);

        // The current members, in profile-id order: keyset paging of audiences, and one open stay per profile.
        builder.HasIndex(m => new { m.SegmentId, m.ProfileId }).IsUnique().HasFilter("exited_at IS NULL");

        // audienceChanges(since): entries and exits by time.
        builder.HasIndex(m => new { m.SegmentId, m.EnteredAt });
        builder.HasIndex(m => new { m.SegmentId, m.ExitedAt });
        builder.HasIndex(m => m.ProfileId);
    }
}

internal sealed class ProfileTraitsConfiguration : IEntityTypeConfiguration<ProfileTraits>
{
    public void Configure(EntityTypeBuilder<ProfileTraits> builder)
    {
        builder.ToTable("profile_traits");
        builder.HasKey(t => t.ProfileId);
        builder.Property(t => t.ProfileId).ValueGeneratedNever();
        builder.HasOne<GoldenProfile>().WithOne().HasForeignKey<ProfileTraits>(t => t.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.LoyaltyTier).HasMaxLength(100);
        builder.HasIndex(t => t.Watermark);
    }
}

internal sealed class TraitFoldProgressConfiguration : IEntityTypeConfiguration<TraitFoldProgress>
{
    public void Configure(EntityTypeBuilder<TraitFoldProgress> builder)
    {
        builder.ToTable("trait_fold_progress");
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}
