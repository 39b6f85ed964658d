using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SelfReviewConfiguration : IEntityTypeConfiguration<SelfReviewRecord>
{
    public void Configure(EntityTypeBuilder<SelfReviewRecord> e)
    {
        e.ToTable("SelfReviews");
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.AcademicYear).HasMaxLength(7);
        e.Property(x => x.Figures).HasMaxLength(4000);
        e.Property(x => x.SavedBy).HasMaxLength(200);
        e.Property(x => x.MeetingBy).HasMaxLength(200);
        e.Property(x => x.MeetingAttendees).HasMaxLength(1000);
        e.Property(x => x.WorkPlanAgreedBy).HasMaxLength(200);
        e.Property(x => x.ReviewedBy).HasMaxLength(200);
        e.Property(x => x.ReviewSummary).HasMaxLength(4000);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One self-review per school and year.
        e.HasIndex(x => new { x.SchoolId, x.AcademicYear }).IsUnique();
    }
}
