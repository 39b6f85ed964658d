namespace SendWorkflow.Workflows.Runtime;

public enum TimerOutcome
{
    /// <summary>The timer was not pending any more (fired or cancelled by someone else): nothing done.</summary>
    Skipped = 0,
    Fired = 1,
    /// <summary>Its instance has gone or left the timer's state: cancelled and journaled, no event.</summary>
    Cancelled = 2,
}
