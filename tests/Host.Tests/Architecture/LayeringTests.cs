using System.Reflection;
using System.Text.RegularExpressions;

namespace SendWorkflow.Host.Tests.Architecture;

/// <summary>
/// The layout a newcomer reads: Rules, then Workflows, then Persistence and Send, then the host; nothing below the
/// host knows ASP.NET Core, nothing but Persistence knows how the data is stored, and the host's folders depend on
/// each other one way only.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Assembly Rules = typeof(SendWorkflow.Rules.Facts).Assembly;
    private static readonly Assembly Workflows = typeof(SendWorkflow.Workflows.Runtime.WorkflowEngine).Assembly;
    private static readonly Assembly Persistence = typeof(SendWorkflow.Persistence.SendWorkflowDbContext).Assembly;
    private static readonly Assembly Send = typeof(SendWorkflow.Send.Access.AccessPolicy).Assembly;

    [Fact]
    public void EachProject_ReferencesOnlyTheProjectsBelowIt()
    {
        Assert.Empty(ProjectsReferencedBy(Rules));
        Assert.Equal(["SendWorkflow.Rules"], ProjectsReferencedBy(Workflows));
        Assert.Equal(["SendWorkflow.Workflows"], ProjectsReferencedBy(Persistence).Except(["SendWorkflow.Rules"]));
        Assert.Equal(["SendWorkflow.Persistence", "SendWorkflow.Workflows"], ProjectsReferencedBy(Send).Except(["SendWorkflow.Rules"]));
    }

    [Fact]
    public void NothingBelowTheHost_ReferencesAspNetCore_AndOnlyPersistenceStoresData()
    {
        foreach (var assembly in new[] { Rules, Workflows, Persistence, Send })
        {
            var web = References(assembly).Where(r => r.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                && !r.StartsWith("Microsoft.AspNetCore.Identity.EntityFrameworkCore", StringComparison.Ordinal));
            Assert.True(!web.Any(), $"{assembly.GetName().Name} references {string.Join(", ", web)}");
        }
        foreach (var assembly in new[] { Rules, Workflows })
            Assert.DoesNotContain(References(assembly), r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(References(Send), r => r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal));
    }

    [Fact]
    public void TheHostsFolders_DependOnEachOtherOneWayOnly()
    {
        var host = Path.Combine(RepoPaths.Root, "src", "Host");
        var folders = Directory.GetDirectories(host).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj" or "node_modules" or "wwwroot" or "Properties")).ToList();
        var uses = folders.ToDictionary(f => f, f => Directory.EnumerateFiles(Path.Combine(host, f), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .SelectMany(file => HostNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(used => used != f && folders.Contains(used)).ToHashSet());

        foreach (var start in folders)
        {
            var cycle = FindCycle(start, start, uses, [start]);
            Assert.True(cycle is null, $"The host's folders depend on each other in a circle: {string.Join(" -> ", cycle ?? [])}");
        }
    }

    private static List<string>? FindCycle(string start, string at, Dictionary<string, HashSet<string>> uses, List<string> path)
    {
        foreach (var next in uses[at])
        {
            if (next == start) return [.. path, next];
            if (path.Contains(next)) continue;
            if (FindCycle(start, next, uses, [.. path, next]) is { } cycle) return cycle;
        }
        return null;
    }

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

    private static List<string> ProjectsReferencedBy(Assembly assembly) =>
        References(assembly).Where(r => r.StartsWith("SendWorkflow.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"SendWorkflow\.Host\.(\w+)")]
    private static partial Regex HostNamespace();
}
