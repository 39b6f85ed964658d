using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SenAllocationConfiguration : IEntityTypeConfiguration<SenAllocation>
{
    public void Configure(EntityTypeBuilder<SenAllocation> e)
    {
        e.ToTable("SenAllocations");
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.FinancialYear).HasMaxLength(7);
        e.Property(x => x.TopUpLines).HasMaxLength(20000);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One allocation per school and financial year.
        e.HasIndex(x => new { x.SchoolId, x.FinancialYear }).IsUnique();
        e.HasIndex(x => new { x.BoroughId, x.FinancialYear });
    }
}
