using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> e)
    {
        e.ToTable("ActionPlan");
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.AcademicYear).HasMaxLength(7);
        e.Property(x => x.Area).HasMaxLength(300);
        e.Property(x => x.Action).HasMaxLength(1000);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Evidence).HasMaxLength(4000);
        e.Property(x => x.Source).HasMaxLength(20);
        e.Property(x => x.SourceKey).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.AcademicYear });
        // An action that came from something (an activity's follow-up line, an audit priority) exists once.
        e.HasIndex(x => new { x.SchoolId, x.SourceKey }).IsUnique().HasFilter("\"SourceKey\" IS NOT NULL");
    }
}
