using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// One rendered placement (Views/Components/Widget.cshtml): its container with the placement id and strategy, and the
/// products shown through the theme's own product box (.product-item inside each [data-personalization-product]).
/// </summary>
public sealed record PlacementBlock(int PlacementId, string Strategy, IReadOnlyList<int> ProductIds, IReadOnlyList<int> ProductBoxIds, bool HasTracking)
{
    public const string CONTAINER = ".personalization-products[data-personalization-placement]";

    public static IReadOnlyList<PlacementBlock> On(Browser browser) =>
        browser.All(By.CssSelector(CONTAINER)).Select(Read).ToList();

    public override string ToString() =>
        $"placement {PlacementId} ({Strategy}): products [{string.Join(", ", ProductIds)}], product boxes [{string.Join(", ", ProductBoxIds)}]";

    private static PlacementBlock Read(IWebElement container)
    {
        var wrappers = container.FindElements(By.CssSelector("[data-personalization-product]"));
        var productIds = wrappers.Select(w => int.Parse(w.GetAttribute("data-personalization-product"))).ToList();
        //the theme's product box carries the product id itself
        var boxIds = wrappers.SelectMany(w => w.FindElements(By.CssSelector(".product-item[data-productid]")))
            .Select(box => int.Parse(box.GetAttribute("data-productid"))).ToList();
        return new PlacementBlock(int.Parse(container.GetAttribute("data-personalization-placement")),
            container.GetAttribute("data-personalization-strategy"), productIds, boxIds,
            container.FindElements(By.CssSelector("[data-personalization-tracking]")).Count > 0);
    }
}
