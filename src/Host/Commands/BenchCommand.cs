namespace SendWorkflow.Host.Commands;

public static class BenchCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
