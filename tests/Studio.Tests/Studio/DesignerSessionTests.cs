using SendWorkflow.Host.Studio;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests.Studio;

public sealed class DesignerSessionTests
{
    private static DesignerSession Session() => new(Definitions.Chain("session", 3), 1, "published", 0);

    [Fact]
    public void AddState_TakesItsIdFromItsName_AndUndoRemovesIt()
    {
        var session = Session();
        var id = session.AddState("Speech and language referral", 10, 20);
        Assert.Equal("speech-and-language-referral", id);
        Assert.Equal(new Layout(10, 20), session.Document.States.Single(s => s.Id == id).Layout);
        Assert.True(session.Undo());
        Assert.DoesNotContain(session.Document.States, s => s.Id == id);
        Assert.True(session.Redo());
        Assert.Contains(session.Document.States, s => s.Id == id);
    }

    [Fact]
    public void RenamingANewState_CarriesItsNewIdIntoItsArrows()
    {
        var session = Session();
        var id = session.AddState("New state", 0, 0);
        var arrow = session.Connect("step-1", id);
        session.RenameState(id, "Referral", neverPublished: true);
        Assert.Equal("referral", session.Document.Transitions.Single(t => t.Id == arrow).To);
    }

    [Fact]
    public void RenamingAPublishedState_KeepsItsId()
    {
        var session = Session();
        session.RenameState("step-2", "Targeted support", neverPublished: false);
        Assert.Equal("Targeted support", session.Document.States.Single(s => s.Id == "step-2").Name);
    }

    [Fact]
    public void DeleteState_TakesItsArrowsWithIt()
    {
        var session = Session();
        session.DeleteState("step-2");
        Assert.DoesNotContain(session.Document.Transitions, t => t.From == "step-2" || t.To == "step-2");
        Assert.True(session.Dirty);
    }

    [Fact]
    public void Connect_TwiceBetweenTheSameStates_GivesTwoArrows()
    {
        var session = Session();
        var a = session.Connect("step-1", "step-3");
        var b = session.Connect("step-1", "step-3");
        Assert.NotEqual(a, b);
        Assert.Equal("review.completed", session.Document.Transitions.Single(t => t.Id == b).On);
    }

    [Fact]
    public void UndoAfterAChange_ClearsRedo()
    {
        var session = Session();
        session.Move(new Dictionary<string, Layout> { ["step-1"] = new(500, 500) });
        session.Undo();
        session.DeleteTransition("up-1");
        Assert.False(session.CanRedo);
    }
}
