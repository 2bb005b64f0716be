namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Thrown by the search provider until this node's index is built: nopCommerce then runs its standard search when
/// CatalogSettings.UseStandardSearchWhenSearchProviderThrowsException is on (its default).
/// </summary>
public sealed class SearchIndexNotReadyException : Exception
{
    public SearchIndexNotReadyException()
        : base("The personalised search index is not built yet on this node.")
    {
    }
}
