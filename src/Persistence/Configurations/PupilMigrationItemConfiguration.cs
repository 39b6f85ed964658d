using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class PupilMigrationItemConfiguration : IEntityTypeConfiguration<PupilMigrationItem>
{
    public void Configure(EntityTypeBuilder<PupilMigrationItem> e)
    {
        e.ToTable("PupilMigrationItems");
        e.HasKey(x => new { x.MigrationId, x.InstanceId });
        e.Property(x => x.SubjectId).HasMaxLength(100);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.ExpectedState).HasMaxLength(100);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.StateAfter).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasOne<PupilMigrationRecord>().WithMany().HasForeignKey(x => x.MigrationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.MigrationId, x.Status, x.Position });
    }
}
