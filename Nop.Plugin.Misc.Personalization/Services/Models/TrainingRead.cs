using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// The events a training run read: since <see cref="FromUtc"/>, which is later than asked when
/// <see cref="Capped"/> (the memory guard left older events out).
/// </summary>
public sealed record TrainingRead(List<Interaction> Interactions, bool Capped, DateTime FromUtc);
