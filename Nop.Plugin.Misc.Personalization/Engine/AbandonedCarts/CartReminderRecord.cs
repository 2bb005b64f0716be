namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// What was already e-mailed about a customer's cart in a store: the state's fingerprint and when its reminders went.
/// </summary>
public sealed record CartReminderRecord(string Fingerprint, DateTime FirstSentUtc, DateTime? SecondSentUtc);
