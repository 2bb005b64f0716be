namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Asks this node to read the segment memberships again soon (after its own training stored new profiles), without waiting.
/// </summary>
public interface ISegmentMembershipRefresh
{
    void RequestReload();
}
