using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class ProvisionConfiguration : IEntityTypeConfiguration<ProvisionRecord>
{
    public void Configure(EntityTypeBuilder<ProvisionRecord> e)
    {
        e.ToTable("Provisions");
        e.Property(x => x.Intervention).HasMaxLength(200);
        e.Property(x => x.EntryCriteria).HasMaxLength(1000);
        e.Property(x => x.ExitCriteria).HasMaxLength(1000);
        e.Property(x => x.DeliveredBy).HasMaxLength(200);
        e.Property(x => x.Impact).HasMaxLength(2000);
        e.Property(x => x.CostBasis).HasMaxLength(10);
        e.Property(x => x.HoursPerWeek).HasPrecision(6, 2);
        e.HasIndex(x => x.PupilId);
        e.HasIndex(x => x.SchoolId);
    }
}
