namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>A customer's predicted lifetime: P(still a customer) and expected purchase days in the horizon.</summary>
public readonly record struct LifetimePrediction(double ProbabilityAlive, double ExpectedPurchases);
