namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>Small workflows written for the engine tests, in words that are not SEND's, so nothing passes by accident.</summary>
internal static class SmallDefinitions
{
    /// <summary>
    /// watching (stage 1): a note (escalates to the definition's "lead"), a repeating check (escalates to "boss") whose
    /// outcome is the measure "level" of check.done, a one-off deadline timer and a weekly pulse timer with a task.
    /// check.done with level none moves to raised (stage 2); "asked" moves there too, entered as "asked-for"; time.up ends.
    /// </summary>
    public static WorkflowDefinition Watch(bool outcomeIsMeasure = true) => DefinitionJson.Parse($$"""
        {
          "id": "watch", "version": 1, "name": "Watch", "escalateTo": "lead",
          "parameters": { "watchWeeks": { "unit": "schoolWeeks", "default": 6 } },
          "initialState": "watching",
          "states": [
            { "id": "watching", "stage": 1, "name": "Watching",
              "tasks": [
                { "id": "note", "title": "Write a note", "role": "worker", "form": "notes",
                  "due": { "schoolDays": 2 }, "warn": { "schoolDays": 1 } },
                { "id": "check", "title": "Check the level", "role": "worker", "kind": "check", "form": "level-check",
                  "due": { "next": "target-review" }, "repeat": true, "raises": "check.done", "escalateTo": "boss",
                  "outcomeIsMeasure": {{(outcomeIsMeasure ? "true" : "false")}} },
                { "id": "plan", "title": "Plan the deadline", "role": "worker", "due": { "param": "watchWeeks" } }
              ],
              "timers": [
                { "id": "deadline", "after": { "param": "watchWeeks" }, "raises": "time.up" },
                { "id": "pulse", "every": { "schoolWeeks": 1 },
                  "task": { "id": "pulse-task", "title": "Take the pulse", "role": "worker", "form": "pulse" } }
              ] },
            { "id": "raised", "stage": 2, "name": "Raised",
              "tasks": [ { "id": "act", "title": "Act on it", "role": "worker", "due": { "schoolDays": 5 } } ] },
            { "id": "closed", "name": "Closed", "terminal": true }
          ],
          "transitions": [
            { "id": "worse", "from": "watching", "to": "raised", "on": "check.done",
              "rule": { "name": "NoLevel", "expression": "facts.LastProgress == Progress.None" } },
            { "id": "asked", "from": "watching", "to": "raised", "on": "asked", "enteredAs": "asked-for" },
            { "id": "ended", "from": "watching", "to": "closed", "on": "time.up" },
            { "id": "raised-ended", "from": "raised", "to": "closed", "on": "time.up" }
          ],
          "events": {
            "check.done": { "measure": "level",
              "data": { "level": { "type": "text", "enum": ["none", "little", "expected", "good"] } } },
            "asked": { "data": {} }
          }
        }
        """);

    /// <summary>A parent whose "waiting" state starts "child" (counting from the entering event's "since" date).</summary>
    public static WorkflowDefinition Parent() => DefinitionJson.Parse("""
        {
          "id": "parent", "version": 1, "name": "Parent", "initialState": "idle",
          "states": [
            { "id": "idle", "stage": 1, "name": "Idle" },
            { "id": "waiting", "stage": 2, "name": "Waiting", "starts": "child", "startsFrom": "since" },
            { "id": "done", "name": "Done", "terminal": true }
          ],
          "transitions": [
            { "id": "begin", "from": "idle", "to": "waiting", "on": "begin" },
            { "id": "child-done", "from": "waiting", "to": "done", "on": "child.done",
              "rule": { "name": "ChildSaidYes", "expression": "data.Flag(\"ok\")" } }
          ],
          "events": { "begin": { "data": { "since": { "type": "date", "notAfter": "today" } } } }
        }
        """);

    /// <summary>A child that tells its parent child.done (ok: true) when it finishes.</summary>
    public static WorkflowDefinition Child() => DefinitionJson.Parse("""
        {
          "id": "child", "version": 1, "name": "Child", "escalateTo": "lead", "initialState": "working",
          "states": [
            { "id": "working", "stage": 1, "name": "Working",
              "tasks": [ { "id": "work", "title": "Do the work", "role": "worker", "due": { "schoolDays": 3 } } ] },
            { "id": "finished", "name": "Finished", "terminal": true, "notifies": { "event": "child.done", "data": { "ok": true } } }
          ],
          "transitions": [ { "id": "finish", "from": "working", "to": "finished", "on": "finish" } ]
        }
        """);
}
