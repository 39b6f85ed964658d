using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SelfReviewLevelConfiguration : IEntityTypeConfiguration<SelfReviewLevel>
{
    public void Configure(EntityTypeBuilder<SelfReviewLevel> e)
    {
        e.ToTable("SelfReviewLevels");
        e.Property(x => x.DescriptorId).HasMaxLength(100);
        e.Property(x => x.Evidence).HasMaxLength(2000);
        e.HasOne<SelfReviewRecord>().WithMany().HasForeignKey(x => x.SelfReviewId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SelfReviewId, x.DescriptorId }).IsUnique();
    }
}
