using System.Text.Json;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>
/// Findings and the recorded measures through the engine, walked through time on a fake clock: a finding counts the
/// measures of the last two terms, a transition reads it, and a rule that throws is journaled without stopping the event.
/// </summary>
public class FindingScenarioTests
{
    private static WorkflowDefinition Watched() => DefinitionJson.Parse("""
        {
          "id": "watched", "version": 1, "name": "Watched",
          "initialState": "watching",
          "findings": {
            "persistent-worry": { "label": "Persistent worry",
              "expression": "reviews.Count(r => r.WithoutProgress && r.TermsAgo < 2) >= 2" }
          },
          "states": [
            { "id": "watching", "stage": 1, "name": "Watching" },
            { "id": "raised", "stage": 2, "name": "Raised",
              "tasks": [
                { "id": "always", "title": "Always", "role": "worker" },
                { "id": "when-worried", "title": "Only when worried", "role": "worker", "if": "findings.PersistentWorry" },
                { "id": "broken", "title": "Never", "role": "worker", "if": "facts.EnteredVia.Substring(40) == \"x\"" }
              ] },
            { "id": "closed", "name": "Closed", "terminal": true }
          ],
          "transitions": [
            { "id": "broken-first", "from": "watching", "to": "closed", "on": "check.done", "priority": 1,
              "rule": { "name": "Broken", "expression": "facts.EnteredBy.Substring(40) == \"x\"" } },
            { "id": "worry", "from": "watching", "to": "raised", "on": "check.done", "priority": 2,
              "rule": { "name": "PersistentWorry", "expression": "findings.PersistentWorry" } }
          ],
          "events": {
            "check.done": { "measure": "level",
              "data": { "level": { "type": "text", "enum": ["none", "little", "expected", "good"] } } }
          }
        }
        """);

    [Fact]
    public async Task TwoPoorMeasuresInTwoTerms_DeriveTheFinding_AndTheTransitionThatReadsItMoves()
    {
        var world = new EngineWorld().With(Watched());
        var instance = await world.StartAsync("watched");

        world.GoTo(new DateOnly(2026, 9, 21));
        var first = await world.RaiseAsync(instance.Id, "check.done", ("level", "little"));
        world.GoTo(new DateOnly(2026, 11, 16));
        var second = await world.RaiseAsync(instance.Id, "check.done", ("level", "none"));

        Assert.False(first.Transitioned);
        Assert.True(second.Transitioned);
        Assert.Equal(("worry", "raised"), (second.TransitionId, second.To));
        var journal = world.Store.Journal(instance.Id);
        var moved = journal.Single(j => j.Kind == "transition");
        Assert.Equal("Moved from Watching to Raised: worry (rule PersistentWorry matched findings.PersistentWorry = true).", moved.Detail);
        using (var data = JsonDocument.Parse(moved.Data!))
        {
            Assert.Equal("persistent-worry", data.RootElement.GetProperty("findings")[0].GetString());
        }

        // The broken rule came first by priority: it did not hold, the chronology says why, and the event went on.
        var errors = journal.Where(j => j.Kind == "rule-error").ToList();
        Assert.Equal(2, errors.Count(e => e.Detail.Contains("'broken-first'", StringComparison.Ordinal)));
        // On entering Raised the task conditions are one decision: the worried task applies, the broken one doesn't.
        Assert.Contains(errors, e => e.Detail.Contains("'raised/broken'", StringComparison.Ordinal));
        Assert.Equal(["always", "when-worried"], world.Tasks(instance.Id).Select(t => t.DefinitionTaskId).Order());
    }

    [Fact]
    public async Task APoorMeasureFromLongAgo_DoesNotCount()
    {
        var world = new EngineWorld().With(Watched());
        var instance = await world.StartAsync("watched");

        world.GoTo(new DateOnly(2026, 9, 21));
        await world.RaiseAsync(instance.Id, "check.done", ("level", "little"));
        world.GoTo(new DateOnly(2027, 6, 7));
        var late = await world.RaiseAsync(instance.Id, "check.done", ("level", "none"));

        Assert.False(late.Transitioned);
        var stored = world.Instance(instance.Id);
        Assert.Equal(["2026-09-21|Little|watching", "2027-06-07|None|watching"], stored.MeasureHistory!.Split(';'));
    }

    [Fact]
    public void MeasureHistory_KeepsTheLastTwelve()
    {
        string? history = null;
        for (var i = 0; i < 15; i++) history = MeasureHistory.Append(history, new DateOnly(2026, 9, 1).AddDays(i), Progress.Good, "s");

        var kept = MeasureHistory.Parse(history).ToList();
        Assert.Equal(MeasureHistory.Kept, kept.Count);
        Assert.Equal(new DateOnly(2026, 9, 4), kept[0].Date);
    }
}
