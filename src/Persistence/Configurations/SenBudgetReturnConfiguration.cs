using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SenBudgetReturnConfiguration : IEntityTypeConfiguration<SenBudgetReturn>
{
    public void Configure(EntityTypeBuilder<SenBudgetReturn> e)
    {
        e.ToTable("SenBudgetReturns");
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.FinancialYear).HasMaxLength(7);
        e.Property(x => x.Kind).HasMaxLength(10);
        e.Property(x => x.Lines).HasMaxLength(100000);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.SubmittedBy).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One plan and one outturn per school and financial year.
        e.HasIndex(x => new { x.SchoolId, x.FinancialYear, x.Kind }).IsUnique();
        e.HasIndex(x => new { x.BoroughId, x.FinancialYear });
    }
}
