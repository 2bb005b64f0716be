using System.Globalization;

namespace Evaluation.Protocol;

/// <summary>Writes <c>user,rank,item,score</c> CSVs so lists can be re-scored independently.</summary>
public static class ListWriter
{
    /// <param name="maxRank">Ranks written per user: <see cref="Metrics.K"/> for the protocol's files, more for analysis.</param>
    public static void Write(string path, IReadOnlyDictionary<int, IReadOnlyList<ScoredItem>> lists, string[] itemCodes, int maxRank = Metrics.K)
    {
        using var writer = new StreamWriter(path);
        writer.NewLine = "\n";
        writer.WriteLine("user,rank,item,score");
        foreach (var user in lists.Keys.Order())
        {
            var rank = 0;
            var seen = new HashSet<int>();
            foreach (var entry in lists[user])
            {
                if (rank == maxRank)
                    break;
                if (!seen.Add(entry.Item))
                    continue;
                rank++;
                var code = itemCodes[entry.Item];
                var quoted = code.Contains(',') || code.Contains('"') ? "\"" + code.Replace("\"", "\"\"") + "\"" : code;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{user},{rank},{quoted},{entry.Score:R}"));
            }
        }
    }
}
