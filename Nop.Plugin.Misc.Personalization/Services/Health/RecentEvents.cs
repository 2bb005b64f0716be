using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Health;

/// <summary>A store's events of the last hour and day, and the day's by kind of shopper activity.</summary>
public sealed record RecentEvents(long LastHour, long Last24Hours, IReadOnlyDictionary<InteractionType, long> Last24HoursByKind);
