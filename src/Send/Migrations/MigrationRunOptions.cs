namespace SendWorkflow.Send.Migrations;

/// <summary>How a move runs: pupils per batch, and (for drills and tests of resuming) a stop after so many batches.</summary>
/// <param name="StopAfterBatches">Stop, as an interrupted service would, after this many batches; the move stays running and
/// resumes on the next start or resume call. Null in service.</param>
public sealed record MigrationRunOptions(int BatchSize = 50, int? StopAfterBatches = null);
