namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>A product the text index matched, with its relevance scaled so the best match is 1.</summary>
public readonly record struct SearchCandidate(int ProductId, double Relevance);
