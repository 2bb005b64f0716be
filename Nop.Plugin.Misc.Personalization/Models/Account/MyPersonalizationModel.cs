using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Account;

/// <summary>
/// The shopper's own view of what the shop inferred about them: the "Your personalisation" page in their account.
/// </summary>
public record MyPersonalizationModel : BaseNopModel
{
    /// <summary>The locale resource telling the outcome of the control the shopper just used; null otherwise.</summary>
    public string Result { get; set; }

    /// <summary>Reading failed (logged); the page says so and still offers the controls.</summary>
    public bool LoadFailed { get; set; }

    /// <summary>The shopper switched personalisation off.</summary>
    public bool OptedOut { get; set; }

    /// <summary>
    /// The shop's consent setting lets it tie the shopper's activity to them (false: consent not given, or the shop
    /// personalises for nobody; suggestions are then the same for everyone).
    /// </summary>
    public bool Identified { get; set; }

    /// <summary>The customer is in the comparison group that sees no recommendations.</summary>
    public bool HeldOut { get; set; }

    /// <summary>Categories the customer leans towards, strongest first.</summary>
    public IList<string> Categories { get; set; } = new List<string>();

    /// <summary>Manufacturers (brands) the customer leans towards, strongest first.</summary>
    public IList<string> Brands { get; set; } = new List<string>();

    /// <summary>Attributes (e.g. "Material: Wool") and tags the customer leans towards, strongest first, in their language.</summary>
    public IList<string> Attributes { get; set; } = new List<string>();

    /// <summary>The price range the customer buys in most, in words; null when unknown.</summary>
    public string PriceRange { get; set; }

    /// <summary>The shop's segments the customer is in, as the shop named them.</summary>
    public IList<string> Segments { get; set; } = new List<string>();

    public IList<MyProductModel> DueReorders { get; set; } = new List<MyProductModel>();

    /// <summary>Timed complements: what usually follows a recent purchase, with that purchase and the window's end.</summary>
    public IList<MyProductModel> NeedNext { get; set; } = new List<MyProductModel>();

    /// <summary>What "for you" placements would show now, each with why.</summary>
    public IList<MyProductModel> Recommendations { get; set; } = new List<MyProductModel>();

    /// <summary>When the profile was last computed; null before the first computation.</summary>
    public DateTime? ProfileComputedOn { get; set; }

    public bool HasInferences => Categories.Count > 0 || Brands.Count > 0 || Attributes.Count > 0 || PriceRange != null || Segments.Count > 0
        || DueReorders.Count > 0 || NeedNext.Count > 0;
}
