using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.Classes).HasMaxLength(500);
        e.Property(x => x.CalendarSecret).HasMaxLength(100);
        e.HasIndex(x => x.CalendarSecret);
    }
}
