namespace SendWorkflow.Send.SelfReviews;

/// <summary>The self-review read from the definitions folder at start-up; a folder without one (a test's own) has none.</summary>
public sealed class SelfReviewSource(SelfReviewDefinition? review)
{
    /// <summary>The self-review, or none when the definitions folder has none.</summary>
    public SelfReviewDefinition? Installed => review;

    public SelfReviewDefinition Review =>
        review ?? throw new NotFoundException($"No self-review is installed: the definitions folder has no {SelfReviewFile.FileName}.");
}
