using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Words as shoppers type them: Unicode word breaks, lower case, accents folded ("Café" finds "cafe"); no stemming, so
/// prefix and typo matching work on the words as written.
/// </summary>
public sealed class ProductTextAnalyzer : Analyzer
{
    public const LuceneVersion VERSION = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(VERSION, reader);
        TokenStream stream = new LowerCaseFilter(VERSION, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    public IReadOnlyList<string> Terms(string text, int max)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
            return terms;

        using var stream = GetTokenStream(ProductIndexFields.ALL, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < max && stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
