using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SenInformationTextConfiguration : IEntityTypeConfiguration<SenInformationText>
{
    public void Configure(EntityTypeBuilder<SenInformationText> e)
    {
        e.ToTable("SenInformationTexts");
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.AcademicYear).HasMaxLength(7);
        e.Property(x => x.SectionId).HasMaxLength(50);
        e.Property(x => x.Text).HasMaxLength(8000);
        e.Property(x => x.SavedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One text per school, year and section; a save replaces it.
        e.HasIndex(x => new { x.SchoolId, x.SectionId, x.AcademicYear }).IsUnique();
    }
}
