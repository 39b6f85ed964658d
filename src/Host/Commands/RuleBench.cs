using System.Diagnostics;
using SendWorkflow.Rules;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// What deciding costs on its own: the bench's events (the same states, events and data) decided by the pathway's rules
/// again and again on one thread, without the database. Each decision opens an NRules session, inserts the facts and fires.
/// </summary>
internal static class RuleBench
{
    private const int Rounds = 20_000;

    public static void Measure(CompiledDefinition pathway)
    {
        (string State, string Event, Facts Facts, EventData Data)[] decisions =
        [
            ("cause-of-concern", "review.completed", Facts(1, 1, Progress.Expected), Data("progress", "expected")),
            ("cause-of-concern", "review.completed", Facts(1, 7, Progress.Little), Data("progress", "little")),
            ("initial-concern", "assessment.requested", Facts(2, 0, Progress.Unknown), Data("by", "parent")),
            ("statutory-assessment", "plan.issued", Facts(5, 0, Progress.Unknown), EventData.Empty),
            ("ehcp", "plan.ceased", Facts(6, 0, Progress.Unknown), EventData.Empty),
            ("sen-support", "review.completed", Facts(3, 0, Progress.Good), Data("progress", "good")),
        ];
        var inputs = decisions.Select(d => (d.State, d.Event, Input: new RuleInput(d.Facts, d.Data))).ToArray();
        foreach (var (state, name, input) in inputs)
        {
            pathway.Choose(state, name, input); // warm up: the first session compiles nothing, but JIT does
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (state, name, input) in inputs)
            {
                pathway.Choose(state, name, input);
            }
        }

        sw.Stop();
        var count = Rounds * inputs.Length;
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
        Console.WriteLine($"rule decision:      {sw.Elapsed.TotalMicroseconds / count:0.0} us per event ({count / sw.Elapsed.TotalSeconds:0} "
            + $"decisions per second on one thread, an NRules session each, {allocated / 1024.0:0.0} KiB allocated)");

        // What the journal's "why" costs when a rule fires: its conditions and the values they read, evaluated again.
        var escalation = inputs[1];
        var decision = pathway.Choose(escalation.State, escalation.Event, escalation.Input).Decision!;
        sw.Restart();
        for (var round = 0; round < Rounds; round++)
        {
            pathway.Rules.ExplainMatch(decision.Rule!, escalation.Input, decision);
        }

        Console.WriteLine($"why it fired:       {sw.Elapsed.TotalMicroseconds / Rounds:0.0} us per transition with a rule");
    }

    private static Facts Facts(int stage, double schoolWeeks, Progress last) => new()
    {
        Stage = stage,
        SchoolWeeksInStage = schoolWeeks,
        SchoolDaysInStage = (int)(schoolWeeks * 5),
        LastProgress = last,
        EnteredBy = "start",
    };

    private static EventData Data(string name, string value) => new(new Dictionary<string, object?> { [name] = value });
}
