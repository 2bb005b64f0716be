namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// One line of the data card's progress panel: a running backfill or training, or the outcome of the last run.
/// </summary>
/// <param name="Work">"Backfill" or "Training" (the panel's row id).</param>
/// <param name="Text">The line the owner reads, in the admin's language.</param>
public sealed record LongWorkModel(string Work, string Name, string State, bool Running, int Percent, string Text);

/// <summary>
/// The progress panel; <paramref name="Running"/> tells the page to ask again in a moment.
/// </summary>
public sealed record LongWorkListModel(bool Running, IReadOnlyList<LongWorkModel> Items);
