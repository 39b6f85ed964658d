namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>DefinitionValidator on the real pathway, and on copies of it broken one way at a time.</summary>
public class DefinitionValidatorTests
{
    private static readonly WorkflowDefinition Pathway = Repo.Pathway();

    private static ValidationReport Validate(WorkflowDefinition d) => DefinitionValidator.Validate(d);

    private static DefinitionProblem AssertError(ValidationReport report, string code, string kind, string? target)
    {
        Assert.False(report.IsValid);
        var match = report.Errors.FirstOrDefault(e => e.Code == code && e.TargetKind == kind && e.TargetId == target);
        Assert.True(match is not null,
            $"expected {code} on {kind} '{target}', got:{Environment.NewLine}"
            + string.Join(Environment.NewLine, report.Errors.Select(e => $"  {e.Code} {e.TargetKind} '{e.TargetId}': {e.Message}")));
        return match!;
    }

    [Fact]
    public void Validate_ThePathway_IsValidWithNoErrorsOrWarnings()
    {
        var report = Validate(Pathway);

        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Errors.Select(e => e.Message)));
        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Validate_UnknownInitialState_IsAnError()
    {
        var report = Validate(Pathway with { InitialState = "waiting-list" });

        var error = AssertError(report, "unknown-state", "definition", null);
        Assert.Contains("waiting-list", error.Message);
    }

    [Fact]
    public void Validate_MissingInitialState_IsAnError() =>
        AssertError(Validate(Pathway with { InitialState = "" }), "missing-initial-state", "definition", null);

    [Fact]
    public void Validate_TransitionToAnUnknownState_IsAnErrorOnTheTransition()
    {
        var report = Validate(Pathway.WithTransition("stage5-plan-issued", t => t with { To = "ehc-plan" }));

        var error = AssertError(report, "unknown-state", "transition", "stage5-plan-issued");
        Assert.Contains("ehc-plan", error.Message);
    }

    [Fact]
    public void Validate_TransitionFromAnUnknownState_IsAnErrorOnTheTransition()
    {
        var report = Validate(Pathway.WithTransition("stage6-plan-ceased", t => t with { From = "ehc-plan" }));

        var error = AssertError(report, "unknown-state", "transition", "stage6-plan-ceased");
        Assert.Contains("ehc-plan", error.Message);
    }

    [Fact]
    public void Validate_TransitionFromATerminalState_IsAnError()
    {
        var report = Validate(Pathway.AddTransition(new TransitionDefinition
        {
            Id = "reopen", From = "closed", To = "cause-of-concern", On = "concern.raised",
        }));

        var error = AssertError(report, "transition-from-terminal", "transition", "reopen");
        Assert.Contains("closed", error.Message);
    }

    [Fact]
    public void Validate_UnreachableState_IsAnErrorOnTheState()
    {
        var report = Validate(Pathway.AddState(new StateDefinition { Id = "waiting-list", Name = "Waiting list", Terminal = true }));

        var error = AssertError(report, "unreachable-state", "state", "waiting-list");
        Assert.Contains("cause-of-concern", error.Message);
    }

    [Fact]
    public void Validate_StateOnlyReachableThroughARemovedTransition_BecomesUnreachable()
    {
        var withoutPlanIssued = Pathway with { Transitions = [.. Pathway.Transitions.Where(t => t.Id != "stage5-plan-issued")] };

        var report = Validate(withoutPlanIssued);

        // The plan in place, and its re-assessment reached only from it.
        AssertError(report, "unreachable-state", "state", "ehcp");
        AssertError(report, "unreachable-state", "state", "re-assessment");
        Assert.Equal(2, report.Errors.Count);
    }

    [Fact]
    public void Validate_RuleThatDoesNotCompile_NamesTheRuleAndTheTransition()
    {
        var report = Validate(Pathway.WithTransition("stage1-no-progress",
            t => t with { Rule = t.Rule! with { Expression = "facts.SchoolWeeksInStage >= params.earlyInterventionWeek" } }));

        var error = AssertError(report, "rule-does-not-compile", "transition", "stage1-no-progress");
        Assert.Contains("NoOrLittleProgressAfterEarlyIntervention", error.Message);
        Assert.Contains("stage1-no-progress", error.Message);
        Assert.Single(report.Errors);
    }

    [Theory]
    [InlineData("facts.LastProgress == ")]
    [InlineData("facts.Stage")] // not a yes/no condition
    [InlineData("")]
    [InlineData("System.IO.File.Exists(\"x\")")]
    public void Validate_BadRuleExpressions_AreReportedOnTheirTransition(string expression)
    {
        var report = Validate(Pathway.WithTransition("stage1-good-progress", t => t with { Rule = t.Rule! with { Expression = expression } }));

        var error = AssertError(report, "rule-does-not-compile", "transition", "stage1-good-progress");
        Assert.Contains("GoodProgress", error.Message);
    }

    [Fact]
    public void Validate_ParameterWithoutDefault_IsAnErrorOnTheParameter() =>
        AssertError(Validate(Pathway.WithParameter("earlyInterventionWeeks", p => p with { Default = null })),
            "parameter-without-default", "parameter", "earlyInterventionWeeks");

    [Fact]
    public void Validate_ParameterWithUnknownUnit_IsAnErrorOnTheParameter() =>
        AssertError(Validate(Pathway.WithParameter("senSupportTerms", p => p with { Unit = "fortnights" })),
            "unknown-unit", "parameter", "senSupportTerms");

    [Fact]
    public void Validate_NegativeParameter_IsAnErrorOnTheParameter() =>
        AssertError(Validate(Pathway.WithParameter("senSupportTerms", p => p with { Default = -1 })),
            "negative-parameter", "parameter", "senSupportTerms");

    [Fact]
    public void Validate_DuplicateStateId_IsAnError()
    {
        var report = Validate(Pathway.AddState(Pathway.State("closed") with { Name = "Closed again" }));

        AssertError(report, "duplicate-state", "state", "closed");
    }

    [Fact]
    public void Validate_DuplicateTransitionId_IsAnError()
    {
        var copy = Pathway.Transition("stage5-plan-refused") with { On = "plan.withdrawn" };

        var report = Validate(Pathway.AddTransition(copy));

        AssertError(report, "duplicate-transition", "transition", "stage5-plan-refused");
    }

    [Fact]
    public void Validate_DuplicateTaskIdInAState_IsAnErrorOnTheState()
    {
        var report = Validate(Pathway.WithState("cause-of-concern",
            s => s with { Tasks = [.. s.Tasks, s.Tasks[0] with { Title = "Start early intervention again" }] }));

        var error = AssertError(report, "duplicate-task", "state", "cause-of-concern");
        Assert.Contains("early-intervention", error.Message);
    }

    [Fact]
    public void Validate_SameTaskIdInDifferentStates_IsFine() =>
        // "intervention-letter" and "pupil-voice" appear in several states of the real pathway.
        Assert.True(Validate(Pathway).IsValid);

    [Fact]
    public void Validate_TimerWithBothAfterAndEvery_IsAnErrorOnTheState()
    {
        var report = Validate(Pathway.WithState("cause-of-concern",
            s => s with { Timers = [s.Timers[0] with { After = new When { SchoolWeeks = 2 } }] }));

        var error = AssertError(report, "timer-schedule", "state", "cause-of-concern");
        Assert.Contains("timeframe-review", error.Message);
    }

    [Fact]
    public void Validate_TimerWithNeitherAfterNorEvery_IsAnErrorOnTheState() =>
        AssertError(Validate(Pathway.WithState("cause-of-concern", s => s with { Timers = [s.Timers[0] with { Every = null }] })),
            "timer-schedule", "state", "cause-of-concern");

    [Fact]
    public void Validate_TimerRaisingAnEventThatNeedsData_IsAnError() =>
        AssertError(Validate(Pathway.WithState("cause-of-concern", s => s with { Timers = [s.Timers[0] with { Raises = "review.completed" }] })),
            "timer-event-needs-data", "state", "cause-of-concern");

    [Fact]
    public void Validate_TimerRepeatingEveryZeroTime_IsAnError() =>
        AssertError(Validate(Pathway.WithState("initial-concern",
                s => s with { Timers = [s.Timers[0] with { Every = new When { SchoolDays = 0 } }, s.Timers[1]] })),
            "timer-schedule", "state", "initial-concern");

    [Fact]
    public void Validate_WhenWithTwoUnits_IsAnInvalidTime()
    {
        var report = Validate(Pathway.WithState("statutory-assessment",
            s => s with { Tasks = [.. s.Tasks.Select(t =>
                t.Id == "panel-meeting" ? t with { Due = new When { Weeks = 6, SchoolWeeks = 6 } } : t)] }));

        var error = AssertError(report, "invalid-time", "state", "statutory-assessment");
        Assert.Contains("panel-meeting", error.Message);
    }

    [Fact]
    public void Validate_WhenWithNoUnit_IsAnInvalidTime() =>
        AssertError(Validate(Pathway.WithState("cause-of-concern", s => s with { Timeframe = new When() })),
            "invalid-time", "state", "cause-of-concern");

    [Fact]
    public void Validate_UnknownParameterInAWhen_IsAnError()
    {
        var report = Validate(Pathway.WithState("cause-of-concern", s => s with { Timeframe = new When { Param = "earlyInterventionDays" } }));

        var error = AssertError(report, "unknown-parameter", "state", "cause-of-concern");
        Assert.Contains("earlyInterventionDays", error.Message);
    }

    [Fact]
    public void Validate_NumberParameterUsedAsATime_IsAnError()
    {
        var d = Pathway with
        {
            Parameters = new(Pathway.Parameters) { ["maxReviews"] = new ParameterDefinition { Unit = Units.Number, Default = 3 } },
        };

        var report = Validate(d.WithState("cause-of-concern", s => s with { Timeframe = new When { Param = "maxReviews" } }));

        AssertError(report, "parameter-not-time", "state", "cause-of-concern");
    }

    [Fact]
    public void Validate_FractionalTerm_IsAnError() =>
        AssertError(Validate(Pathway.WithState("sen-support", s => s with { Timeframe = new When { Terms = 1.5 } })),
            "fractional-time", "state", "sen-support");

    [Fact]
    public void Validate_NegativeTime_IsAnError() =>
        AssertError(Validate(Pathway.WithState("sen-support", s => s with { Timeframe = new When { SchoolDays = -5 } })),
            "negative-time", "state", "sen-support");

    [Fact]
    public void Validate_DateThatIsNotADayOfTheYear_IsAnError() =>
        AssertError(Validate(Pathway.WithState("ehcp", s => s with { Timeframe = new When { Date = "02-30" } })),
            "invalid-date", "state", "ehcp");

    [Fact]
    public void Validate_ATaskOfAnUnknownScope_OrOneOfTheInstanceThatRepeats_IsAnError()
    {
        AssertError(Validate(Pathway.WithState("ehcp",
                s => s with { Tasks = [.. s.Tasks.Select(t => t.Id == "sen-targets" ? t with { Scope = "case" } : t)] })),
            "invalid-scope", "state", "ehcp");
        AssertError(Validate(Pathway.WithState("ehcp",
                s => s with { Tasks = [.. s.Tasks.Select(t => t.Id == "target-review" ? t with { Scope = TaskDefinition.InstanceScope } : t)] })),
            "instance-task-repeats", "state", "ehcp");
    }

    [Fact]
    public void Validate_RepeatingTaskWithoutACalendarPoint_IsAnError() =>
        AssertError(Validate(Pathway.WithState("ehcp",
                s => s with { Tasks = [.. s.Tasks.Select(t => t.Id == "target-review" ? t with { Due = new When { Terms = 1 } } : t)] })),
            "repeat-needs-point", "state", "ehcp");

    [Theory]
    [InlineData("SEND-Pathway")]
    [InlineData("send pathway")]
    [InlineData("-send")]
    [InlineData("")]
    [InlineData("send_pathway")]
    public void Validate_InvalidDefinitionId_IsAnError(string id) =>
        AssertError(Validate(Pathway with { Id = id }), "invalid-id", "definition", null);

    [Fact]
    public void Validate_MissingName_IsAnError() =>
        AssertError(Validate(Pathway with { Name = " " }), "missing-name", "definition", null);

    [Fact]
    public void Validate_UnknownFieldType_IsAnErrorOnTheEvent()
    {
        var events = new Dictionary<string, EventDefinition>(Pathway.Events)
        {
            ["review.completed"] = new() { Data = new() { ["progress"] = new FieldDefinition { Type = "percentage" } } },
        };

        AssertError(Validate(Pathway with { Events = events }), "unknown-field-type", "event", "review.completed");
    }

    [Fact]
    public void Validate_StateWithNoWayOut_IsOnlyAWarning()
    {
        var report = Validate(Pathway with { Transitions = [.. Pathway.Transitions.Where(t => t.From != "re-assessment")] });

        Assert.True(report.IsValid);
        Assert.Contains(report.Warnings, w => w.Code == "dead-end" && w.TargetId == "re-assessment");
    }

    [Fact]
    public void Validate_TerminalStateWithTasks_IsOnlyAWarning()
    {
        var report = Validate(Pathway.WithState("closed",
            s => s with { Tasks = [new TaskDefinition { Id = "letter", Title = "Write", Role = "senco" }] }));

        Assert.True(report.IsValid);
        Assert.Contains(report.Warnings, w => w.Code == "terminal-work" && w.TargetId == "closed");
    }

    [Fact]
    public void Validate_SeveralProblems_ListsThemAllAtOnce()
    {
        var broken = (Pathway with { Id = "Send Pathway" })
            .WithParameter("senSupportTerms", p => p with { Default = null })
            .WithState("cause-of-concern", s => s with
            {
                Timeframe = new When { Param = "nope" },
                Tasks = [.. s.Tasks, s.Tasks[0]],
                Timers = [s.Timers[0] with { After = new When { Terms = 1 } }],
            })
            .WithTransition("stage1-good-progress", t => t with { Rule = t.Rule! with { Expression = "facts.Nope == 1" } })
            .WithTransition("stage5-plan-issued", t => t with { To = "nowhere" })
            .AddTransition(new TransitionDefinition { Id = "reopen", From = "closed", To = "cause-of-concern", On = "concern.raised" })
            .AddTransition(new TransitionDefinition { Id = "stage3-further-concerns", From = "sen-support", To = "closed", On = "x" })
            .AddState(new StateDefinition { Id = "sen-support", Name = "Duplicate" })
            .AddState(new StateDefinition { Id = "limbo", Name = "Limbo", Terminal = true });

        var report = Validate(broken);

        var expected = new (string Code, string Kind, string? Target)[]
        {
            ("invalid-id", "definition", null),
            ("parameter-without-default", "parameter", "senSupportTerms"),
            ("unknown-parameter", "state", "cause-of-concern"),
            ("duplicate-task", "state", "cause-of-concern"),
            ("timer-schedule", "state", "cause-of-concern"),
            ("rule-does-not-compile", "transition", "stage1-good-progress"),
            ("unknown-state", "transition", "stage5-plan-issued"),
            ("transition-from-terminal", "transition", "reopen"),
            ("duplicate-transition", "transition", "stage3-further-concerns"),
            ("duplicate-state", "state", "sen-support"),
            ("unreachable-state", "state", "limbo"),
            ("unreachable-state", "state", "ehcp"),
        };
        foreach (var (code, kind, target) in expected) AssertError(report, code, kind, target);
        Assert.True(report.Errors.Count >= expected.Length);
    }

    [Fact]
    public void Compile_InvalidDefinition_ThrowsWithEveryError()
    {
        var broken = Pathway.WithParameter("senSupportTerms", p => p with { Default = null }) with { InitialState = "nowhere" };

        var ex = Assert.Throws<DefinitionValidationException>(() => CompiledDefinition.Compile(broken));

        Assert.Equal("send-pathway", ex.DefinitionId);
        Assert.Contains(ex.Errors, e => e.Code == "parameter-without-default");
        Assert.Contains(ex.Errors, e => e.Code == "unknown-state");
        Assert.Contains("senSupportTerms", ex.Message);
        Assert.Contains("nowhere", ex.Message);
    }

    // ---- documents that parse but are broken in ways the model's types don't prevent

    [Fact]
    public void Validate_ParametersDifferingOnlyInCapitals_IsAnErrorOnTheParameterNotOnATransition()
    {
        // Rules read params.name ignoring capitals, so these two can't be told apart.
        var d = Pathway with
        {
            Parameters = new(Pathway.Parameters) { ["EarlyInterventionWeeks"] = new ParameterDefinition { Unit = Units.SchoolWeeks, Default = 8 } },
        };

        var report = Validate(d);

        Assert.False(report.IsValid);
        Assert.Contains(report.Errors, e => e.Code == "duplicate-parameter" && e.TargetKind == "parameter"
            && e.TargetId is "EarlyInterventionWeeks" or "earlyInterventionWeeks");
        Assert.DoesNotContain(report.Errors, e => e.TargetKind == "transition");
    }

    [Fact]
    public void Validate_ParametersDifferingOnlyInCapitals_StillReportsBrokenRules()
    {
        var d = (Pathway with
        {
            Parameters = new(Pathway.Parameters) { ["SenSupportTERMS"] = new ParameterDefinition { Unit = Units.Terms, Default = 2 } },
        }).WithTransition("stage1-good-progress", t => t with { Rule = t.Rule! with { Expression = "facts.Nope == 1" } });

        var report = Validate(d);

        AssertError(report, "rule-does-not-compile", "transition", "stage1-good-progress");
        Assert.Contains(report.Errors, e => e.Code == "duplicate-parameter");
    }

    [Fact]
    public void Parse_NullInitialState_FromAJsonNull_IsRefusedNamingIt()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Repo.PathwayJson())!.AsObject();
        json["initialState"] = null;

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json.ToJsonString()));

        Assert.Contains("initialState", ex.Message);
    }

    [Fact]
    public void Parse_NullTransitionFields_FromJsonNulls_AreRefusedNotThrownLater()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Repo.PathwayJson())!.AsObject();
        json["transitions"]![0]!["from"] = null;

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json.ToJsonString()));

        Assert.Contains("transitions[0].from", ex.Message);
    }

    [Fact]
    public void Validate_EmptyTransitionFields_AreReportedNotThrown()
    {
        var d = Pathway;
        var transitions = d.Transitions.ToList();
        transitions[0] = transitions[0] with { From = "" };
        transitions[1] = transitions[1] with { To = "" };
        transitions[2] = transitions[2] with { Id = "" };

        var report = Validate(d with { Transitions = transitions });

        AssertError(report, "unknown-state", "transition", "stage1-no-progress");
        AssertError(report, "unknown-state", "transition", "stage1-good-progress");
        Assert.Contains(report.Errors, e => e.Code == "missing-id" && e.TargetKind == "transition");
    }
}
