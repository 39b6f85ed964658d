namespace SendWorkflow.Host.Demo;

public sealed class DemoSeeder
{
    public Task SeedIfEmptyAsync(int seed, CancellationToken ct) => Task.CompletedTask;
}
