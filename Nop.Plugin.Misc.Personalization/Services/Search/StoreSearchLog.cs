using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>One store's recent searches, what identified shoppers did after them, and clicks on search results.</summary>
public sealed record StoreSearchLog(List<SearchLogEntry> Searches, List<Interaction> Interactions, List<SearchClickEntry> Clicks)
{
    public StoreSearchLog() : this([], [], [])
    {
    }
}
