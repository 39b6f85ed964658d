using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class IpmTargetConfiguration : IEntityTypeConfiguration<IpmTarget>
{
    public void Configure(EntityTypeBuilder<IpmTarget> e)
    {
        e.ToTable("IpmTargets");
        e.Property(x => x.Text).HasMaxLength(500);
        e.Property(x => x.SuccessCriteria).HasMaxLength(500);
        e.Property(x => x.Status).HasMaxLength(20);
        e.HasIndex(x => new { x.PupilId, x.Status });
        e.HasIndex(x => x.SchoolId);
    }
}
