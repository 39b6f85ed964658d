using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SenAuditSampleConfiguration : IEntityTypeConfiguration<SenAuditSample>
{
    public void Configure(EntityTypeBuilder<SenAuditSample> e)
    {
        e.ToTable("SenAuditSamples");
        e.HasKey(x => new { x.AuditId, x.PupilId });
        e.Property(x => x.PupilId).HasMaxLength(100);
        e.Property(x => x.State).HasMaxLength(100);
        e.HasOne<SenAuditRecord>().WithMany().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
    }
}
