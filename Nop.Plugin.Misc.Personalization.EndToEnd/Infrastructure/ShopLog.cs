using System.Text;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The shop's console log (WORK/shop.log, appended by every start): a step remembers where the log ended and later
/// reads only what was written since.
/// </summary>
public sealed partial class ShopLog
{
    private readonly string _path;

    public ShopLog(string path)
    {
        _path = path;
    }

    public long Mark() => File.Exists(_path) ? new FileInfo(_path).Length : 0;

    public string ReadSince(long mark)
    {
        if (!File.Exists(_path))
            return string.Empty;

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (mark > stream.Length)
            mark = 0;
        stream.Seek(mark, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Log entries since the mark that are errors (or exceptions) and mention the plugin. An entry is a line starting
    /// with a level ("fail:", "crit:", ...) and the indented lines after it.
    /// </summary>
    public IReadOnlyList<string> PluginErrorsSince(long mark) =>
        Entries(ReadSince(mark))
            .Where(entry => entry.Contains("Personalization", StringComparison.Ordinal))
            .Where(entry => entry.StartsWith("fail:", StringComparison.Ordinal) || entry.StartsWith("crit:", StringComparison.Ordinal)
                || ExceptionPattern().IsMatch(entry))
            .ToList();

    private static IEnumerable<string> Entries(string text)
    {
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (current.Length > 0 && !line.StartsWith(' ') && !line.StartsWith('\t'))
            {
                yield return current.ToString();
                current.Clear();
            }

            current.AppendLine(line.TrimEnd('\r'));
        }

        if (current.Length > 0)
            yield return current.ToString();
    }

    [GeneratedRegex(@"\b\w+(\.\w+)*Exception\b")]
    private static partial Regex ExceptionPattern();
}
