using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfileHub.Core.Matching;

namespace ProfileHub.Storage.Model;

internal sealed class MatchModelConfiguration : IEntityTypeConfiguration<StoredMatchModel>
{
    public void Configure(EntityTypeBuilder<StoredMatchModel> builder)
    {
        builder.ToTable("match_models");
        builder.Property(m => m.Document).IsJson();

        // The match job reads the newest model.
        builder.HasIndex(m => m.TrainedAt);
    }
}
