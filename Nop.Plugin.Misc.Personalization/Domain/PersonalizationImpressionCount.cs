using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// How often one placement rendered products on one day, as counted by one running shop process. Impressions are
/// counted in memory and flushed here, instead of one event row per rendered placement; the report sums the rows.
/// </summary>
public class PersonalizationImpressionCount : BaseEntity
{
    public int StoreId { get; set; }

    public int PlacementId { get; set; }

    /// <summary>
    /// The UTC day (midnight) the renders happened on.
    /// </summary>
    public DateTime DayUtc { get; set; }

    /// <summary>
    /// The process that counted them (machine name and process id): each process only ever writes its own rows, so two
    /// web-farm nodes never overwrite each other's counts.
    /// </summary>
    public string Counter { get; set; }

    /// <summary>
    /// Renders of the placement that showed products.
    /// </summary>
    public int Renders { get; set; }

    /// <summary>
    /// Products shown over those renders.
    /// </summary>
    public long ProductsShown { get; set; }

    /// <summary>
    /// Renders of the placement that showed nothing: too few products to recommend (no model yet, too little history).
    /// </summary>
    public int HiddenRenders { get; set; }

    /// <summary>
    /// Renders of the widget zone the placement is in, whoever the visitor was (held out, outside the placement's
    /// segment): proof that the theme renders the zone.
    /// </summary>
    public int ZoneRenders { get; set; }
}
