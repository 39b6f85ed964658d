using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class StatutoryExceptionConfiguration : IEntityTypeConfiguration<StatutoryExceptionRecord>
{
    public void Configure(EntityTypeBuilder<StatutoryExceptionRecord> e)
    {
        e.ToTable("StatutoryExceptions");
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.PupilId).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => x.InstanceId);
        e.HasIndex(x => x.BoroughId);
    }
}
