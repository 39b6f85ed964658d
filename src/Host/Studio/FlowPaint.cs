using SendWorkflow.Send.Flow;

namespace SendWorkflow.Host.Studio;

/// <summary>
/// The flow's figures as the canvas paints them: per state drawn, its pupils, median school weeks and overdue share; per
/// arrow drawn (a transition id), the pupils who took it; the top of the heat map's scale, which the legend shows too.
/// </summary>
public sealed record FlowPaint(IReadOnlyDictionary<string, FlowStatePaint> States, IReadOnlyDictionary<string, int> Edges, double MaxWeeks)
{
    /// <summary>
    /// Matches the flow to what the canvas draws: an arrow's pupils go to the drawn transition of the same id between the same
    /// states; those of a transition the drawing no longer has (renamed in the draft) go to the first drawn arrow between them.
    /// </summary>
    public static FlowPaint From(FlowDto flow, GraphModel graph)
    {
        var states = flow.States.ToDictionary(s => s.StateId, s => new FlowStatePaint(s.Pupils, s.MedianSchoolWeeks, s.OverduePercent));
        var edges = graph.Edges.ToDictionary(e => e.Id, _ => 0);
        foreach (var arrow in flow.Arrows)
        {
            var drawn = graph.Edges.Where(e => e.Source == arrow.From && e.Target == arrow.To).ToList();
            if (drawn.Count == 0) continue;
            foreach (var t in arrow.Transitions.Where(t => t.Pupils > 0))
            {
                var edge = drawn.FirstOrDefault(e => e.Id == t.TransitionId) ?? drawn[0];
                edges[edge.Id] += t.Pupils;
            }
        }
        return new FlowPaint(states, edges, ScaleTop(flow));
    }

    /// <summary>The heat map's top: the longest median, rounded up to a whole school week (at least 1).</summary>
    public static double ScaleTop(FlowDto flow) =>
        Math.Max(1, Math.Ceiling(flow.States.Select(s => s.MedianSchoolWeeks ?? 0).DefaultIfEmpty(0).Max()));
}

/// <param name="Median">Median school weeks in the state; null when it is empty.</param>
public sealed record FlowStatePaint(int Pupils, double? Median, double? OverduePercent);
