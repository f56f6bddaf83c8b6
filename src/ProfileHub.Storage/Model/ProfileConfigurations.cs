using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;

namespace ProfileHub.Storage.Model;

internal sealed class GoldenProfileConfiguration : IEntityTypeConfiguration<GoldenProfile>
{
    public void Configure(EntityTypeBuilder<GoldenProfile> builder)
    {
        builder.ToTable("profiles");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<GoldenProfile>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Attributes).WithOne().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.GivenName).HasMaxLength(200);
        builder.Property(p => p.FamilyName).HasMaxLength(200);
        builder.Property(p => p.PrimaryEmail).HasMaxLength(400);
        builder.Property(p => p.PrimaryPhone).HasMaxLength(32);
        builder.Property(p => p.City).HasMaxLength(200);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.HasIndex(p => p.MergedIntoId);
        builder.HasIndex(p => new { p.FamilyName, p.GivenName });
        builder.HasIndex(p => p.PrimaryEmail);
        builder.HasIndex(p => p.UpdatedAt);
    }
}

internal sealed class ProfileAttributeValueConfiguration : IEntityTypeConfiguration<ProfileAttributeValue>
{
    public void Configure(EntityTypeBuilder<ProfileAttributeValue> builder)
    {
        builder.ToTable("profile_attributes");
        builder.Ignore(a => a.Lineage);
        builder.Property(a => a.Name).HasMaxLength(64);
        builder.Property(a => a.Source).HasMaxLength(100);
        builder.Property(a => a.Rule).HasMaxLength(32);
        builder.HasIndex(a => new { a.ProfileId, a.Name, a.Ordinal }).IsUnique();
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(a => a.SourceRecordId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProfileMembershipConfiguration : IEntityTypeConfiguration<ProfileMembership>
{
    public void Configure(EntityTypeBuilder<ProfileMembership> builder)
    {
        builder.ToTable("profile_memberships");

        // A record belongs to exactly one profile.
        builder.HasKey(m => m.RecordId);
        builder.Property(m => m.RecordId).ValueGeneratedNever();
        builder.HasOne<SourceRecord>().WithOne().HasForeignKey<ProfileMembership>(m => m.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoldenProfile>().WithMany().HasForeignKey(m => m.ProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.ProfileId);

        // The trait fold's "records linked since the last fold" (migration 0006).
        builder.HasIndex(m => m.LinkedAt);
        builder.Property(m => m.Explanation).IsJson();
    }
}
