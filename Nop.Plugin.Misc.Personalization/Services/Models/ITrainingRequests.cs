namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Asks this node's background trainer for a run.
/// </summary>
public interface ITrainingRequests
{
    /// <summary>
    /// Requests a run. Requests made while one is waiting share it; a request made during a run gets the next one, so
    /// it always sees the data as of the request. The task completes with that run's result and never faults: a
    /// failure comes back as <see cref="TrainingResult.Failure"/>.
    /// </summary>
    Task<TrainingResult> RequestAsync();
}
