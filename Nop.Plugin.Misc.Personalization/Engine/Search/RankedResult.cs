namespace Nop.Plugin.Misc.Personalization.Engine.Search;

public readonly record struct RankedResult(int ProductId, double Score);
