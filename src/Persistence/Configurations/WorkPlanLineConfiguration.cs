using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class WorkPlanLineConfiguration : IEntityTypeConfiguration<WorkPlanLine>
{
    public void Configure(EntityTypeBuilder<WorkPlanLine> e)
    {
        e.ToTable("SelfReviewWorkPlan");
        e.Property(x => x.DimensionId).HasMaxLength(100);
        e.Property(x => x.Area).HasMaxLength(200);
        e.Property(x => x.Action).HasMaxLength(1000);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.Property(x => x.ReviewStatus).HasMaxLength(20);
        e.Property(x => x.ReviewNotes).HasMaxLength(2000);
        e.HasOne<SelfReviewRecord>().WithMany().HasForeignKey(x => x.SelfReviewId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SelfReviewId, x.Number }).IsUnique();
    }
}
