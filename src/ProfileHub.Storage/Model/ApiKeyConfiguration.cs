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
