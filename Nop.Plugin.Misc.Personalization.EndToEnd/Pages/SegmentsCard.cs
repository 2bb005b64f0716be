using System.Globalization;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// One row of the configuration page's segments card (Views/Segments/_SegmentsCard.cshtml): the segment's name and its
/// size per store as shown ("store name: members"; none while not computed).
/// </summary>
public sealed record SegmentCardRow(string Name, IReadOnlyDictionary<string, long> SizePerStore, string SizeText)
{
    public override string ToString() => $"{Name}: {SizeText.ReplaceLineEndings(" / ")}";
}

public static partial class SegmentsCard
{
    /// <summary>
    /// The header of the sizes column (Plugins.Misc.Personalization.Segments.Size): it tells the segments table apart.
    /// </summary>
    public const string SIZE_HEADER = "Customers per store";

    public static IReadOnlyList<SegmentCardRow> Rows(Browser browser) =>
        browser.All(By.XPath($"//table[thead/tr/th[normalize-space()='{SIZE_HEADER}']]/tbody/tr")).Select(Read).ToList();

    private static SegmentCardRow Read(IWebElement row)
    {
        var cells = row.FindElements(By.CssSelector("td"));
        var sizes = new Dictionary<string, long>();
        foreach (var size in cells[4].FindElements(By.XPath("./div")))
        {
            var firstLine = size.Text.Split('\n')[0].Trim();
            var match = SizeLine().Match(firstLine);
            if (match.Success)
                sizes[match.Groups["store"].Value.Trim()] = long.Parse(match.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }

        return new SegmentCardRow(cells[0].Text.Trim(), sizes, cells[4].Text.Trim());
    }

    [GeneratedRegex(@"^(?<store>.*):\s*(?<n>[0-9][0-9,]*)")]
    private static partial Regex SizeLine();
}
