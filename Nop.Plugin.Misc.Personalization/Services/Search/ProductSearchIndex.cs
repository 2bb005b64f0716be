using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The store's products in an in-memory Lucene index, scored with BM25. Patches (a product edited, deleted) are
/// visible to the next search; searches never lock.
/// </summary>
public sealed class ProductSearchIndex : IDisposable
{
    private readonly ProductTextAnalyzer _analyzer = new();
    private readonly SearcherManager _searchers;
    private readonly IndexWriter _writer;
    private readonly object _patchLock = new();

    private ProductSearchIndex()
    {
        var config = new IndexWriterConfig(ProductTextAnalyzer.VERSION, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity()
        };
        _writer = new IndexWriter(new RAMDirectory(), config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25Searchers());
    }

    public int Count => _writer.NumDocs;

    public static ProductSearchIndex Build(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = new ProductSearchIndex();
        foreach (var document in documents)
            index._writer.AddDocument(ToLucene(document));
        index._writer.Commit();
        index._searchers.MaybeRefreshBlocking();
        return index;
    }

    public void Upsert(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_patchLock)
        {
            _writer.UpdateDocument(IdTerm(document.ProductId), ToLucene(document));
            _searchers.MaybeRefreshBlocking();
        }
    }

    public void Remove(int productId)
    {
        lock (_patchLock)
        {
            _writer.DeleteDocuments(IdTerm(productId));
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>The best matches sold in the store, best first, relevance scaled so the best is 1.</summary>
    public IReadOnlyList<SearchCandidate> Search(string keywords, int storeId, int max)
    {
        var query = ProductSearchQuery.Build(_analyzer, keywords ?? string.Empty, storeId);
        if (query == null || max <= 0)
            return [];

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, max);
            if (top.ScoreDocs.Length == 0)
                return [];

            var best = top.ScoreDocs[0].Score;
            var leaves = searcher.IndexReader.Leaves;
            var result = new SearchCandidate[top.ScoreDocs.Length];
            for (var i = 0; i < result.Length; i++)
            {
                var hit = top.ScoreDocs[i];
                var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
                var productId = (int)leaf.AtomicReader.GetNumericDocValues(ProductIndexFields.PRODUCT_ID).Get(hit.Doc - leaf.DocBase);
                result[i] = new SearchCandidate(productId, best > 0 ? hit.Score / best : 1);
            }

            return result;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
    }

    private static Term IdTerm(int productId) => new(ProductIndexFields.ID, productId.ToString(CultureInfo.InvariantCulture));

    private static Document ToLucene(SearchDocument product)
    {
        var document = new Document
        {
            new StringField(ProductIndexFields.ID, product.ProductId.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(ProductIndexFields.PRODUCT_ID, product.ProductId),
            new TextField(ProductIndexFields.NAME, product.Name ?? string.Empty, Field.Store.NO),
            new TextField(ProductIndexFields.ALL, product.Name ?? string.Empty, Field.Store.NO),
            new TextField(ProductIndexFields.ALL, product.ShortDescription ?? string.Empty, Field.Store.NO)
        };
        if (!string.IsNullOrWhiteSpace(product.Sku))
        {
            document.Add(new StringField(ProductIndexFields.SKU, product.Sku.Trim().ToLowerInvariant(), Field.Store.NO));
            document.Add(new TextField(ProductIndexFields.ALL, product.Sku, Field.Store.NO));
        }

        foreach (var text in product.Texts ?? [])
        {
            if (!string.IsNullOrWhiteSpace(text))
                document.Add(new TextField(ProductIndexFields.ALL, text, Field.Store.NO));
        }

        if (product.StoreIds is not { Count: > 0 })
            document.Add(new StringField(ProductIndexFields.STORE, ProductIndexFields.ALL_STORES, Field.Store.NO));
        else
        {
            foreach (var storeId in product.StoreIds)
                document.Add(new StringField(ProductIndexFields.STORE, storeId.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        }

        return document;
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
