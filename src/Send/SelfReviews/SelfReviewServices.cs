using SendWorkflow.Send.SelfReviews;

// In the container's namespace, as AddX methods usually are, so the host's composition reads without a using per area.
namespace Microsoft.Extensions.DependencyInjection;

public static class SelfReviewServices
{
    /// <summary>
    /// Reads definitions/self-review.json now, so a broken file stops the service starting, and registers the self-review,
    /// the borough's view of it and the borough's educational psychologists.
    /// </summary>
    public static IServiceCollection AddSelfReview(this IServiceCollection services, string definitionsFolder) =>
        services.AddSingleton(new SelfReviewSource(SelfReviewFile.LoadFrom(definitionsFolder)))
            .AddSingleton<SelfReviews>().AddSingleton<BoroughSelfReviews>().AddSingleton<EducationalPsychologists>();
}
