using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<ProgrammeRecord>
{
    public void Configure(EntityTypeBuilder<ProgrammeRecord> e)
    {
        e.ToTable("Programmes");
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.DefinitionId).HasMaxLength(64);
        e.Property(x => x.AcademicYear).HasMaxLength(7);
        e.Property(x => x.StartedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the instance: the year is claimed before its workflow starts (Guid.Empty until then).
        e.HasIndex(x => x.InstanceId);
        // One programme of a definition per school and year, even when two requests (or the rollover and a SENCo) race.
        e.HasIndex(x => new { x.SchoolId, x.DefinitionId, x.AcademicYear }).IsUnique();
    }
}
