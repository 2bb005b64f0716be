using System.Globalization;
using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Evaluation.ColdStart;

/// <summary>
/// Issue #13's cold-start check of content neighbours on EVALUATION.md's split (settings fixed in docs/benchmarks.md
/// before the first run). UCI has no catalog attributes, so they come from each product's description: its last word
/// (the product type: HOLDER, MUG, BAG) is the category, its other words of three letters or more are attributes (tags:
/// colours, materials, motifs); the price band is the engine's (about 1.5× wide) over the product's median train unit
/// price. A random 10% of the train items (seed 13) are hidden: the content index holds only the others, and a hidden
/// product's neighbours are asked for as a new product's would be. Truth: for every test-period invoice holding a
/// hidden product and at least one known product, the known products on it. HR@10 = share of such (product, invoice)
/// cases where one of the 10 neighbours is on the invoice. Compared: all features weighted by rarity (the plugin's
/// ContentIndex) against category only (same last word, most train buyers first).
/// </summary>
public static class ColdStartCheck
{
    public const int SEED = 13;
    public const double HIDDEN_SHARE = 0.10;
    public const int K = 10;

    public static void Run(Split split, string[] itemCodes, IReadOnlyDictionary<string, string> descriptions, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var trainItems = split.Train.Select(e => e.Item).Distinct().Order().ToArray();
        var shuffled = (int[])trainItems.Clone();
        var random = new Random(SEED);
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        var hidden = shuffled.Take((int)(trainItems.Length * HIDDEN_SHARE)).ToHashSet();

        var buyers = split.Train.Where(e => !hidden.Contains(e.Item)).GroupBy(e => e.Item).ToDictionary(g => g.Key, g => (double)g.Select(e => e.User).Distinct().Count());
        var prices = split.Train.GroupBy(e => e.Item).ToDictionary(g => g.Key, g => Median(g.Select(e => e.Price).ToArray()));
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var facts = trainItems.ToDictionary(item => item, item => Facts(item, descriptions.GetValueOrDefault(itemCodes[item]) ?? string.Empty, prices[item], words));
        var known = facts.Values.Where(f => !hidden.Contains(f.ProductId)).ToArray();
        var content = ContentIndex.Build(known);
        var categoryOnly = ContentIndex.Build(known, categoriesOnly: true);

        var cases = split.Test.GroupBy(e => e.Invoice)
            .SelectMany(invoice =>
            {
                var items = invoice.Select(e => e.Item).Distinct().ToArray();
                var knownOnInvoice = items.Where(item => facts.ContainsKey(item) && !hidden.Contains(item)).ToHashSet();
                return items.Where(hidden.Contains).Where(_ => knownOnInvoice.Count > 0).Select(item => (Item: item, Truth: knownOnInvoice));
            })
            .ToArray();

        output.WriteLine(string.Create(inv, $"cold-start check: {trainItems.Length:N0} train items, {hidden.Count:N0} hidden (seed {SEED}), {known.Length:N0} known; {words.Count:N0} description words"));
        output.WriteLine(string.Create(inv, $"cases: {cases.Length:N0} (hidden product, test invoice with known products) over {cases.Select(c => c.Item).Distinct().Count():N0} hidden products"));
        foreach (var (name, index) in new[] { ("content (rarity-weighted attributes + category + price band)", content), ("category only", categoryOnly) })
        {
            var lists = hidden.ToDictionary(item => item, item => index.Neighbours(facts[item], K, popularity: id => buyers.GetValueOrDefault(id)).Select(n => n.ProductId).ToArray());
            var hits = cases.Count(c => lists[c.Item].Any(c.Truth.Contains));
            var perProduct = cases.GroupBy(c => c.Item).Select(g => g.Count(c => lists[c.Item].Any(c.Truth.Contains)) / (double)g.Count()).ToArray();
            var empty = hidden.Count(item => lists[item].Length == 0);
            output.WriteLine(string.Create(inv,
                $"{name}: HR@{K} {hits / (double)Math.Max(1, cases.Length):F4} ({hits:N0}/{cases.Length:N0}); mean over hidden products {perProduct.DefaultIfEmpty().Average():F4}; hidden products without neighbours {empty}"));
        }
    }

    private static ProductFacts Facts(int item, string description, double price, Dictionary<string, int> words)
    {
        var tokens = new string(description.ToUpperInvariant().Select(c => char.IsLetter(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(token => token.Length >= 3)
            .ToArray();
        var category = tokens.Length == 0 ? 0 : Id(tokens[^1], words);
        var tags = tokens.Length <= 1 ? [] : tokens[..^1].Select(token => Id(token, words)).Distinct().Order().ToArray();
        return new ProductFacts(item, category == 0 ? [] : [category], 0, (decimal)price, true, true, DateTime.MinValue)
        {
            Attributes = new ProductAttributes([], tags, [])
        };
    }

    private static int Id(string word, Dictionary<string, int> words)
    {
        if (!words.TryGetValue(word, out var id))
            words[word] = id = words.Count + 1;
        return id;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
