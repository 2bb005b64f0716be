using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

/// <summary>A named set of training settings that a shop's own data can choose.</summary>
public sealed record TrainingProfile(string Name, TrainingOptions Options);
