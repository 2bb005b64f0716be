namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// What a triage did to a batch's head. Refusal is the first error the database refused something with.
/// </summary>
internal sealed record TriageOutcome(bool Reachable, int Written, int RefusedEvents, int RefusedMoves, bool Moved, Exception Refusal)
{
    /// <summary>Whether the batch got shorter; a batch that did not waits for the database.</summary>
    public bool Changed => Written > 0 || RefusedEvents > 0 || RefusedMoves > 0 || Moved;
}
