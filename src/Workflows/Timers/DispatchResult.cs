namespace SendWorkflow.Workflows.Timers;

public sealed record DispatchResult(int Fired, int Cancelled, int Failed)
{
    public static readonly DispatchResult None = new(0, 0, 0);

    public DispatchResult Add(DispatchResult other) => new(Fired + other.Fired, Cancelled + other.Cancelled, Failed + other.Failed);
}
