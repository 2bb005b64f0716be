using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>What a store's search log taught: query → product statistics and the weights chosen on held-out searches.</summary>
public sealed record LearntSearch(QueryStats QueryStats, SearchWeights Weights);
