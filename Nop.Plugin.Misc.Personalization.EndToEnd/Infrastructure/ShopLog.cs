using System.Text;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The shop's console log (WORK/shop.log, appended by every start): a step remembers where the log ended and later
/// reads only what was written since.
/// </summary>
public sealed partial class ShopLog
{
    private const string PLUGIN_NAMESPACE = "Nop.Plugin.Misc.Personalization";

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
    /// Log entries since the mark that show the plugin in trouble: the plugin's own warnings and errors (it warns only
    /// when something failed), and any error or exception that mentions it. An entry is a line starting with a level
    /// ("warn:", "fail:", "crit:", ...) and the indented lines after it.
    /// </summary>
    public IReadOnlyList<string> PluginErrorsSince(long mark) =>
        Entries(ReadSince(mark)).Where(IsPluginTrouble).ToList();

    private static bool IsPluginTrouble(string entry)
    {
        if (!entry.Contains(PLUGIN_NAMESPACE, StringComparison.Ordinal) && !entry.Contains("Personalization:", StringComparison.Ordinal))
            return false;

        var level = entry.Length >= 5 ? entry[..5] : entry;
        if (level is "fail:" or "crit:")
            return true;
        if (level == "warn:" && entry.StartsWith("warn: " + PLUGIN_NAMESPACE, StringComparison.Ordinal))
            return true;

        return ExceptionPattern().IsMatch(entry);
    }

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
