using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.ToTable("Milestones");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.DefinitionId).HasMaxLength(100);
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.SubjectId).HasMaxLength(100);
        e.HasIndex(x => new { x.InstanceId, x.Name });
        e.HasIndex(x => new { x.BoroughId, x.Name, x.On });
    }
}
