using SendWorkflow.Send.SelfReviews;

namespace SendWorkflow.Send.Tests.SelfReviews;

/// <summary>definitions/self-review.json is read whole (the seed's ten dimensions), and a broken one names its problems.</summary>
public sealed class SelfReviewFileTests
{
    private static string Definitions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "definitions", SelfReviewFile.FileName))) return Path.Combine(dir.FullName, "definitions");
        }
        throw new DirectoryNotFoundException("definitions/self-review.json is not above the test's folder.");
    }

    private const string Valid = """
        { "id": "review", "title": "Review",
          "scale": [ { "level": 1, "name": "One" }, { "level": 2, "name": "Two" }, { "level": 3, "name": "Three" }, { "level": 4, "name": "Four" } ],
          "dimensions": [ { "id": "d", "number": 1, "title": "Dimension", "question": "How well?",
            "descriptors": [ { "id": "d-1", "short": "One", "text": "The first." }, { "id": "d-2", "short": "Two", "text": "The second." } ] } ] }
        """;

    [Fact]
    public void TheShippedSelfReview_HasTheSeedsTenDimensions_AndEveryDescriptorUnderEach()
    {
        var review = SelfReviewFile.LoadFrom(Definitions())!;

        Assert.Equal(["Achievement", "Attitudes, values and personal qualities", "Teaching and learning", "Assessment", "Curriculum",
            "Accommodation and resources", "Partnership with parents, schools and the community", "Governance", "Leadership", "Management"],
            review.Dimensions.Select(d => d.Title));
        Assert.Equal(Enumerable.Range(1, 10), review.Dimensions.Select(d => d.Number));
        // The seed's descriptors under each heading: 4, 5, 9, 4, 3, 9, 2, 2, 5 and 8.
        Assert.Equal([4, 5, 9, 4, 3, 9, 2, 2, 5, 8], review.Dimensions.Select(d => d.Descriptors.Count));
        var ids = review.Dimensions.SelectMany(d => d.Descriptors).Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("How well do children with SEN achieve and attain?", review.Dimensions[0].Question);
        Assert.Equal("The number of exclusions of children with SEN.", review.Find("attitudes-2")!.Value.Descriptor.Text);
        Assert.Equal([1, 2, 3, 4], review.Scale.Select(l => l.Level));
        Assert.Equal("What else could we do to improve by one point?", review.ImprovePrompt);
        Assert.Null(review.Find("achievement-9"));
    }

    [Fact]
    public void AFolderWithoutASelfReview_HasNone()
    {
        var folder = Directory.CreateTempSubdirectory("sendworkflow-self-review-");
        try
        {
            Assert.Null(SelfReviewFile.LoadFrom(folder.FullName));
        }
        finally
        {
            folder.Delete();
        }
        Assert.Throws<Problems.NotFoundException>(() => new SelfReviewSource(null).Review);
    }

    [Theory]
    [InlineData("\"d-2\"", "\"d-1\"", "the id is used twice")]
    [InlineData("{ \"level\": 4, \"name\": \"Four\" }", "{ \"level\": 5, \"name\": \"Five\" }", "levels 1, 2, 3 and 4")]
    [InlineData("\"question\"", "\"questoin\"", "questoin")]
    [InlineData("\"id\": \"d-1\"", "\"id\": \"D 1\"", "not lower-case letters")]
    public void ABrokenSelfReview_IsRefused_NamingWhatIsWrong(string from, string to, string expected)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var e = Assert.Throws<SelfReviewDefinitionException>(() => SelfReviewFile.Parse(json, "self-review.json"));

        Assert.Contains("self-review.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidSelfReview_IsRead() => Assert.Equal(2, SelfReviewFile.Parse(Valid).Dimensions[0].Descriptors.Count);
}
