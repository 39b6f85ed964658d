using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence.Writing;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// An update sets only the columns a unit changed (<see cref="TableStatements{T}"/>), each compared by its own type: dates,
/// instants, GUIDs, enums, numbers and text, with and without a value.
/// </summary>
public sealed class TableStatementsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);
    private StoreOnFile _store = null!;

    public async ValueTask InitializeAsync() => _store = await StoreOnFile.OpenAsync("sendworkflow-statements-", wal: true);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task AnUpdate_SetsTheColumnsThatChanged_AndTheGuard_AndNoOther()
    {
        await using var db = await _store.Factory.CreateDbContextAsync();
        var tasks = new TableStatements<WorkTask>(db.Model, nameof(WorkTask.Revision));
        var read = Task();

        var unchanged = tasks.UpdateOf(Task(), read);
        var closed = Task();
        closed.Status = WorkTaskStatus.Completed;
        closed.CompletedAt = Now.AddHours(1);
        closed.Outcome = "expected";
        closed.EscalationOf = read.EscalationOf;
        var moved = Task();
        moved.DueOn = read.DueOn.AddDays(7);
        moved.EscalationOf = Guid.CreateVersion7();
        moved.WarnOn = null;
        moved.Priority = TaskPriority.High;

        Assert.Equal(["Revision"], SetColumns(unchanged.Sql));
        Assert.Equal(["CompletedAt", "Outcome", "Revision", "Status"], SetColumns(tasks.UpdateOf(closed, read).Sql));
        Assert.Equal(["DueOn", "EscalationOf", "Priority", "Revision", "WarnOn"], SetColumns(tasks.UpdateOf(moved, read).Sql));
        Assert.Equal(SetColumns(tasks.UpdateOf(Task(), null).Sql).Length, db.Model.FindEntityType(typeof(WorkTask))!.GetProperties().Count() - 1);
    }

    // Every field the same in each call, as a task read and its copy are.
    private static WorkTask Task() => new()
    {
        Id = new Guid("0193a5c0-0000-7000-8000-000000000001"), InstanceId = new Guid("0193a5c0-0000-7000-8000-000000000002"),
        SubjectId = "p", SchoolId = "s", State = "a", DefinitionTaskId = "t", Title = "Review", Role = "class-teacher", Kind = "review",
        DueOn = new DateOnly(2026, 12, 7), WarnOn = new DateOnly(2026, 12, 4), Status = WorkTaskStatus.Open, CreatedAt = Now, Revision = 1,
        EscalationOf = new Guid("0193a5c0-0000-7000-8000-000000000003"), Priority = TaskPriority.Normal,
    };

    private static string[] SetColumns(string sql)
    {
        var set = sql[(sql.IndexOf(" SET ", StringComparison.Ordinal) + 5)..sql.IndexOf(" WHERE ", StringComparison.Ordinal)];
        return set.Split(", ").Select(c => c.Split(" = ")[0].Trim('"')).Order(StringComparer.Ordinal).ToArray();
    }
}
