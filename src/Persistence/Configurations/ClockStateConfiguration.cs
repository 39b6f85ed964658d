using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class ClockStateConfiguration : IEntityTypeConfiguration<ClockState>
{
    public void Configure(EntityTypeBuilder<ClockState> e)
    {
        e.ToTable("ClockState");
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
