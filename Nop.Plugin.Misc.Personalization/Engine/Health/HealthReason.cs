namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>Why an item of the checklist has its state; each has one line of advice for the owner.</summary>
public enum HealthReason
{
    PluginDisabled,
    NoEventsIn24Hours,
    NoEventsInTheLastHour,
    EventsArriving,
    BackfillRunning,
    BackfillDone,
    NoModel,
    ModelStale,
    ModelNotLoaded,
    ModelOld,
    ModelFresh,
    NoPlacements,
    ZonesNotRendered,
    ZonesRendered,
    NoRendersYet,
    MostlyHidden,
    RendersShowProducts,
    NoHoldout,
    HoldoutInPlace,
    EmailsOff,
    EmailTaskDisabled,
    EmailTaskNotRunning,
    EmailsRunning,
    CartEmailTaskDisabled,
    CartEmailTaskNotRunning,
    CartEmailsRunning
}
