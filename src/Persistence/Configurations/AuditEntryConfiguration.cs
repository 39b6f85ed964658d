using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> e)
    {
        e.ToTable("Audit");
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.PupilId, x.At });
        e.HasIndex(x => new { x.UserId, x.At });
        e.HasIndex(x => new { x.SchoolId, x.At });
    }
}
