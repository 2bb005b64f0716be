namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>One search a shopper made, with the words they typed.</summary>
public readonly record struct SearchLogEntry(int CustomerId, DateTime TimeUtc, string Query);
