using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SenAuditConfiguration : IEntityTypeConfiguration<SenAuditRecord>
{
    public void Configure(EntityTypeBuilder<SenAuditRecord> e)
    {
        e.ToTable("SenAudits");
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.ScheduledHow).HasMaxLength(20);
        e.Property(x => x.OfficerId).HasMaxLength(450);
        e.Property(x => x.VisitingSencoId).HasMaxLength(450);
        e.Property(x => x.DrawnBy).HasMaxLength(200);
        e.Property(x => x.SampleWarnings).HasMaxLength(1000);
        e.Property(x => x.FeedbackBy).HasMaxLength(200);
        e.Property(x => x.ReportedBy).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.ReportActions).HasMaxLength(40000);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.Status });
        e.HasIndex(x => new { x.BoroughId, x.AuditOn });
        // The day-only access asks: which audits is this person on today.
        e.HasIndex(x => new { x.AuditOn, x.VisitingSencoId });
    }
}
