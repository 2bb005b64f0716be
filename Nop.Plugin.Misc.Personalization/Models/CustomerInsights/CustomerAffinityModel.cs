using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.CustomerInsights;

/// <summary>
/// How strongly the customer leans towards a category, a manufacturer or a price band.
/// </summary>
public record CustomerAffinityModel : BaseNopModel
{
    public AffinityKind Kind { get; set; }

    public int Id { get; set; }

    public string KindName { get; set; }

    /// <summary>The category's or manufacturer's name ("#id" when it no longer exists), or "price band N of 5".</summary>
    public string Name { get; set; }

    /// <summary>Share of the customer's weighted activity, 0..1.</summary>
    public double Score { get; set; }
}
