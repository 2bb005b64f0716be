namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>The items of the health checklist, in the order an owner sets the plugin up.</summary>
public enum HealthItem
{
    Events,
    Backfill,
    Model,
    Zones,
    Renders,
    Holdout,
    Emails
}
