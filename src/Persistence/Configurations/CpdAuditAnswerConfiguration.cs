using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class CpdAuditAnswerConfiguration : IEntityTypeConfiguration<CpdAuditAnswer>
{
    public void Configure(EntityTypeBuilder<CpdAuditAnswer> e)
    {
        e.ToTable("CpdAudit");
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.AcademicYear).HasMaxLength(7);
        e.Property(x => x.StatementId).HasMaxLength(100);
        e.Property(x => x.Rating).HasMaxLength(20);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.PriorityAction).HasMaxLength(1000);
        e.Property(x => x.PriorityOwner).HasMaxLength(200);
        e.Property(x => x.SavedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One answer per statement in a school's year.
        e.HasIndex(x => new { x.SchoolId, x.AcademicYear, x.StatementId }).IsUnique();
    }
}
