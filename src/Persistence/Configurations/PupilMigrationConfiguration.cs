using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class PupilMigrationConfiguration : IEntityTypeConfiguration<PupilMigrationRecord>
{
    public void Configure(EntityTypeBuilder<PupilMigrationRecord> e)
    {
        e.ToTable("PupilMigrations");
        e.Property(x => x.DefinitionId).HasMaxLength(64);
        e.Property(x => x.Scope).HasMaxLength(120);
        e.Property(x => x.StateMap).HasMaxLength(40000);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.CreatedById).HasMaxLength(450);
        // Two moves of the same version at once: the second is refused, here as well as by the service's own check.
        e.HasIndex(x => new { x.DefinitionId, x.FromVersion }).IsUnique().HasFilter("\"Status\" = 'running'");
        e.HasIndex(x => x.Status);
    }
}
