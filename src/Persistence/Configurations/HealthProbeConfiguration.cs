using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SendWorkflow.Persistence.Entities;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class HealthProbeConfiguration : IEntityTypeConfiguration<HealthProbe>
{
    public void Configure(EntityTypeBuilder<HealthProbe> e)
    {
        e.ToTable("Health");
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
