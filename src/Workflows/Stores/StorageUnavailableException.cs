namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// The store cannot write now: the disk is full, the database is read-only, or the storage failed. Nothing of the
/// refused write was kept; trying again later (once space or write access returns) is safe. It lives beside the store
/// contracts, not in Persistence, so the engine's background work (the timer dispatcher, the deadline round) can tell it
/// apart from a fault of one timer or task and back off instead of trying every other one too.
/// </summary>
public sealed class StorageUnavailableException(StorageProblem problem, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public StorageProblem Problem { get; } = problem;
}

/// <summary>Why the store cannot write.</summary>
public enum StorageProblem
{
    DiskFull,
    ReadOnly,
    IoError,
    CannotOpen,
}
