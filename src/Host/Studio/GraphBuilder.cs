using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>Turns a definition into what the canvas draws.</summary>
public static class GraphBuilder
{
    public const double NodeWidth = 230;
    public const double NodeHeight = 100;

    public static GraphModel Build(WorkflowDefinition d)
    {
        var nodes = d.States.Select((s, i) =>
        {
            // States without a saved position get a grid place until the SENCo moves them or lays the page out.
            var (x, y) = s.Layout is { } l ? (l.X, l.Y) : (40 + i % 5 * 280.0, 600 + i / 5 * 160.0);
            return new GraphNode(s.Id, x, y, s.Stage is { } n ? $"Stage {n}" : s.Terminal ? "End" : "",
                s.Name, Roles(s.Roles), s.Timeframe is null ? "" : DefinitionWording.Timeframe(s.Timeframe, d), s.Terminal, s.Id == d.InitialState);
        }).ToList();

        var edges = new List<GraphEdge>();
        // Arrows between the same two states (either way round) would lie on top of each other: spread them.
        foreach (var pair in d.Transitions.GroupBy(t => string.CompareOrdinal(t.From, t.To) <= 0 ? (t.From, t.To) : (t.To, t.From)))
        {
            var list = pair.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var offset = list.Count == 1 ? 0 : (i - (list.Count - 1) / 2.0) * 16;
                edges.Add(new GraphEdge(list[i].Id, list[i].From, list[i].To, Wrap(DefinitionWording.Arrow(list[i], d), 34), offset));
            }
        }
        return new GraphModel(nodes, edges);
    }

    private static string Roles(List<string> roles) =>
        roles.Count == 0 ? "" : string.Join(", ", roles.Select(DefinitionWording.Role));

    /// <summary>Breaks a label into lines of about this many characters, at spaces.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        if (line.Length > 0) lines.Add(line);
        return string.Join("\n", lines);
    }
}
