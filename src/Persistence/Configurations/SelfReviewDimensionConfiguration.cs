using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SelfReviewDimensionConfiguration : IEntityTypeConfiguration<SelfReviewDimension>
{
    public void Configure(EntityTypeBuilder<SelfReviewDimension> e)
    {
        e.ToTable("SelfReviewDimensions");
        e.Property(x => x.DimensionId).HasMaxLength(100);
        e.Property(x => x.ImproveNotes).HasMaxLength(4000);
        e.HasOne<SelfReviewRecord>().WithMany().HasForeignKey(x => x.SelfReviewId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SelfReviewId, x.DimensionId }).IsUnique();
    }
}
