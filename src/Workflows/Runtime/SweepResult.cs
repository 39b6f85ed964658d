namespace SendWorkflow.Workflows.Runtime;

/// <summary>
/// What a deadline round did: the tasks it warned of and those it escalated. <paramref name="FoundDone"/> counts the overdue
/// tasks it read that were no longer open (or whose instance was gone) when their escalation ran: done or closed in the
/// moment between the round's read and its unit of work. Few on a live service; none in the simulated year, whose bulk
/// completions of a school day are waited for before the next round.
/// </summary>
public sealed record SweepResult(int Warned, int Escalated, int FoundDone = 0);
