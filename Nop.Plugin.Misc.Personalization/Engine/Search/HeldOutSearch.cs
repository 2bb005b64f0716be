namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>A search of the held-out period: what the index matched, the signals then, and the product the shopper chose.</summary>
public sealed record HeldOutSearch(IReadOnlyList<SearchCandidate> Candidates, ISearchSignals Signals, int ChosenProductId);
