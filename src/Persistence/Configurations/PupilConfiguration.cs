using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class PupilConfiguration : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> e)
    {
        e.ToTable("Pupils");
        e.Property(x => x.Id).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.SchoolId);
        e.Property(x => x.ClassName).HasMaxLength(50);
        e.Property(x => x.PrimaryNeed).HasMaxLength(10);
        e.Property(x => x.PreferredName).HasMaxLength(200);
        e.Property(x => x.Upn).HasMaxLength(13);
        e.Property(x => x.SenStatus).HasMaxLength(1);
        // An import from the MIS maps a UPN to one pupil of the school (pupils entered by hand have none yet).
        e.HasIndex(x => new { x.SchoolId, x.Upn }).IsUnique().HasFilter("\"Upn\" IS NOT NULL");
    }
}
