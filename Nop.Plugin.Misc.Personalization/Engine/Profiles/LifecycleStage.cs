namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Where a customer stands, judged against their own purchase rhythm. Stored as a byte, so values never change meaning.
/// </summary>
public enum LifecycleStage : byte
{
    /// <summary>No order yet (only browsing behaviour).</summary>
    None = 0,

    /// <summary>One order, placed recently.</summary>
    New = 1,

    /// <summary>Ordering within their usual rhythm.</summary>
    Active = 2,

    /// <summary>Time since the last order well beyond their usual gap.</summary>
    AtRisk = 3,

    /// <summary>Time since the last order far beyond their usual gap.</summary>
    Lapsed = 4
}
