using System.IO.Compression;
using Sylvan.Data.Csv;

namespace Evaluation.ColdStart;

/// <summary>Each StockCode's first non-empty Description in file order (trimmed), from the UCI CSV.</summary>
public static class Descriptions
{
    public static Dictionary<string, string> Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var text = new StreamReader(stream);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var stockColumn = csv.GetOrdinal("StockCode");
        var descriptionColumn = csv.GetOrdinal("Description");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var code = csv.GetString(stockColumn).Trim();
            var description = csv.GetString(descriptionColumn).Trim();
            if (description.Length > 0)
                result.TryAdd(code, description);
        }

        return result;
    }
}
