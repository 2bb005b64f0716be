namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>How an item of the owner's health checklist stands: green, amber or red.</summary>
public enum HealthState
{
    Good,
    Attention,
    Problem
}
