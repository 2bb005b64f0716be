using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>One structured explanation of a recommendation; the glue localises it, <see cref="ToString"/> is for logs.</summary>
public readonly record struct Reason(ReasonKind Kind, int ProductId = 0, int CategoryId = 0, int ManufacturerId = 0, float Value = 0)
{
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        switch (Kind)
        {
            case ReasonKind.BoughtWith:
                return string.Create(inv, $"bought with {ProductId}");
            case ReasonKind.SimilarTo:
                return string.Create(inv, $"similar to {ProductId}");
            case ReasonKind.BoughtAfter:
                return string.Create(inv, $"often bought {Value:0} days after {ProductId}");
            case ReasonKind.BecauseYouViewed:
                return string.Create(inv, $"because you viewed {ProductId}");
            case ReasonKind.BecauseYouBought:
                return string.Create(inv, $"because you bought {ProductId}");
            case ReasonKind.DueForReorder:
                return string.Create(inv, $"due for reorder (every {Value:0} days)");
            case ReasonKind.BoughtBefore:
                return "bought before";
            case ReasonKind.Trending:
                return "trending";
            case ReasonKind.TrendingInCategory:
                return string.Create(inv, $"trending in category {CategoryId}");
            case ReasonKind.SameCategory:
                return string.Create(inv, $"same category ({CategoryId}) as {ProductId}");
            case ReasonKind.SameManufacturer:
                return string.Create(inv, $"same manufacturer ({ManufacturerId}) as {ProductId}");
            case ReasonKind.Seasonal:
                return string.Create(inv, $"seasonal in category {CategoryId}");
            case ReasonKind.BackInStock:
                return "back in stock";
            default:
                return Kind.ToString();
        }
    }
}
