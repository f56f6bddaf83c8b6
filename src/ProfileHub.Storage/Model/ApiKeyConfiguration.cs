using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Access;

namespace ProfileHub.Storage.Model;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(16);

        // Every request looks its key up by hash.
        builder.HasIndex(k => k.Hash).IsUnique();
    }
}

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> builder)
    {
        // No foreign keys: a read is recorded on every API request that returns personal data, and neither a
        // key nor a profile is ever deleted (revoked, erased), so a check per row would buy nothing.
        builder.ToTable("personal_data_reads");
        builder.Property(r => r.KeyName).HasMaxLength(100);
        builder.Property(r => r.Field).HasMaxLength(100);

        // The admin's questions, newest first: who read this profile, what did this key read; and the
        // retention job deletes by age.
        builder.HasIndex(r => new { r.ProfileId, r.Id });
        builder.HasIndex(r => new { r.ApiKeyId, r.Id });
        builder.HasIndex(r => r.ReadAt);
    }
}
