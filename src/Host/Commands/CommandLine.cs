namespace SendWorkflow.Host.Commands;

/// <summary>The command-line verbs beside running the service: <c>bench</c>, <c>simulate</c> and <c>postgres</c>.</summary>
public static class CommandLine
{
    /// <summary>Runs the verb the arguments name and returns its exit code, or null when they name none (run the service).</summary>
    public static async Task<int?> TryRunAsync(string[] args) => args switch
    {
        ["bench", .. var rest] => await BenchCommand.RunAsync(rest),
        ["simulate", .. var rest] => await SimulateCommand.RunAsync(rest),
        ["postgres", .. var rest] => await PostgresCommand.RunAsync(rest),
        _ => null,
    };
}
