namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>What is known about one shopper, one query and the store, each signal in [0, 1] per product.</summary>
public interface ISearchSignals
{
    /// <summary>The shopper's decayed affinity to the product's category, manufacturer and price band.</summary>
    double Affinity(int productId);

    /// <summary>How often shoppers who searched the same words went on to click, add to cart or buy the product.</summary>
    double Query(int productId);

    double Trending(int productId);
}
