using System.Text.Json;

namespace SendWorkflow.Send.Reports;

/// <summary>
/// Where each pupil's pathway stood at a moment, read from its journal: the state it started in, each transition's
/// destination, and its end. A pupil not yet started, or whose pathway had ended, is on no stage.
/// </summary>
internal sealed class PathwayHistory
{
    private readonly Dictionary<Guid, List<(DateTime At, string? State)>> _moves;

    private PathwayHistory(Dictionary<Guid, List<(DateTime At, string? State)>> moves) => _moves = moves;

    public static async Task<PathwayHistory> LoadAsync(SendWorkflowDbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken ct)
    {
        var ids = instanceIds.ToList();
        var entries = await db.Journal.AsNoTracking()
            .Where(j => ids.Contains(j.InstanceId)
                && (j.Kind == JournalKinds.Started || j.Kind == JournalKinds.Transition || j.Kind == JournalKinds.Closed))
            .OrderBy(j => j.Id)
            .Select(j => new { j.InstanceId, j.At, j.Kind, j.State, j.Data }).ToListAsync(ct);
        var moves = entries.GroupBy(e => e.InstanceId).ToDictionary(g => g.Key,
            g => g.Select(e => (e.At, e.Kind switch
            {
                JournalKinds.Started => e.State,
                JournalKinds.Transition => DestinationOf(e.Data) ?? e.State,
                _ => null,
            })).ToList());
        return new PathwayHistory(moves);
    }

    /// <summary>The instance's state at <paramref name="instant"/> (UTC), or null if it was not running.</summary>
    public string? StateAt(Guid instanceId, DateTime instant)
    {
        string? state = null;
        foreach (var (at, to) in _moves.GetValueOrDefault(instanceId) ?? [])
        {
            if (at > instant) break;
            state = to;
        }
        return state;
    }

    private static string? DestinationOf(string? data)
    {
        if (data is null) return null;
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String ? to.GetString() : null;
    }
}
