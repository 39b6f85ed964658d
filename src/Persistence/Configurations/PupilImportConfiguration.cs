using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class PupilImportConfiguration : IEntityTypeConfiguration<PupilImportRecord>
{
    public void Configure(EntityTypeBuilder<PupilImportRecord> e)
    {
        e.ToTable("PupilImports");
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Source).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        // A secondary school's 1,500 pupils as JSON, with room to spare under the 10 MB file limit.
        e.Property(x => x.Content).HasMaxLength(20_000_000);
        e.Property(x => x.Outcome).HasMaxLength(20_000_000);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.AppliedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.CreatedAt });
    }
}
