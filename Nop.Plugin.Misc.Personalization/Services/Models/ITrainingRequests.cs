namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Asks this node's background trainer for a run (repeated requests while one is pending are one run).
/// </summary>
public interface ITrainingRequests
{
    void Request();
}
