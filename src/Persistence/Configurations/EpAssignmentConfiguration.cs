using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class EpAssignmentConfiguration : IEntityTypeConfiguration<EpAssignment>
{
    public void Configure(EntityTypeBuilder<EpAssignment> e)
    {
        e.ToTable("EpAssignments");
        e.HasKey(x => x.SchoolId);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.AssignedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UserId);
    }
}
