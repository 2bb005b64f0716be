using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The Lucene query for what a shopper typed: every word must match the product (exactly, boosted in the name; as the
/// start of a word, for search-as-you-type; or with one or two typos for longer words), or the whole text is its SKU;
/// only products sold in the store.
/// </summary>
public static class ProductSearchQuery
{
    public const int MAX_WORDS = 8;

    public static Query Build(ProductTextAnalyzer analyzer, string keywords, int storeId)
    {
        var words = analyzer.Terms(keywords, MAX_WORDS);
        if (words.Count == 0)
            return null;

        var text = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
            text.Add(Word(words[i], isLast: i == words.Count - 1), Occur.MUST);

        var match = new BooleanQuery { { text, Occur.SHOULD } };
        var sku = keywords.Trim().ToLowerInvariant();
        if (sku.Length > 0)
            match.Add(new TermQuery(new Term(ProductIndexFields.SKU, sku)) { Boost = 10 }, Occur.SHOULD);

        var stores = new BooleanQuery
        {
            { new TermQuery(new Term(ProductIndexFields.STORE, ProductIndexFields.ALL_STORES)), Occur.SHOULD }
        };
        if (storeId > 0)
            stores.Add(new TermQuery(new Term(ProductIndexFields.STORE, storeId.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.SHOULD);

        return new BooleanQuery
        {
            { match, Occur.MUST },
            { new ConstantScoreQuery(stores) { Boost = 0 }, Occur.MUST }
        };
    }

    private static BooleanQuery Word(string word, bool isLast)
    {
        var query = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(ProductIndexFields.NAME, word)) { Boost = 4 }, Occur.SHOULD },
            { new TermQuery(new Term(ProductIndexFields.ALL, word)) { Boost = 2 }, Occur.SHOULD }
        };
        if (word.Length >= 3 || (isLast && word.Length >= 2))
            query.Add(new PrefixQuery(new Term(ProductIndexFields.ALL, word)) { Boost = 1 }, Occur.SHOULD);
        if (word.Length >= 4)
            query.Add(new FuzzyQuery(new Term(ProductIndexFields.ALL, word), word.Length >= 7 ? 2 : 1, prefixLength: 1) { Boost = 0.5f }, Occur.SHOULD);
        return query;
    }
}
