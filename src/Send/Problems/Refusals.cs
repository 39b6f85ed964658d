namespace SendWorkflow.Send.Problems;

/// <summary>
/// For the Studio's pages, which show a refusal beside the form rather than as an HTTP answer: runs an operation of
/// the service and turns what it refused with into the problems to show (the API turns the same into ProblemDetails).
/// </summary>
public static class Refusals
{
    /// <summary>No problems when the operation went through; otherwise every problem it refused with.</summary>
    public static async Task<IReadOnlyList<Problem>> ProblemsAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return [];
        }
        catch (RequestValidationException e)
        {
            return e.Problems;
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException or ConflictException or FileTooLargeException)
        {
            return [new Problem(e.Message)];
        }
    }

    /// <summary>The answer, or nothing when it is not the caller's to see (outside their scope or role).</summary>
    public static async Task<T?> OrNullAsync<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            return null;
        }
    }
}
