namespace SendWorkflow.Send.SelfReviews;

/// <summary>The self-review read from the definitions folder at start-up; a folder without one (a test's own) has none.</summary>
public sealed class SelfReviewSource(SelfReviewDefinition? review)
{
    public SelfReviewDefinition Review =>
        review ?? throw new NotFoundException($"No self-review is installed: the definitions folder has no {SelfReviewFile.FileName}.");
}
