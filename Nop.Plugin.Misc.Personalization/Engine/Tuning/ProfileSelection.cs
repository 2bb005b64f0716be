namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

/// <summary>The profile a shop's data chose, on how many customers, with every candidate's score (empty when none was compared).</summary>
public sealed record ProfileSelection(string Profile, int ValidationCustomers, IReadOnlyList<ProfileScore> Scores, string Reason);
