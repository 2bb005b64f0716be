using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// Resource keys of the stored codes the customer insights block shows; null for a code this version does not know.
/// Written out in full so the locale test finds every key.
/// </summary>
public static class CustomerInsightResources
{
    public const string PRICE_BAND = "Plugins.Misc.Personalization.Customer.Affinity.PriceBandOf";

    /// <summary>{0} the anchor product, {1} the day it was bought, {2} the window in days.</summary>
    public const string COMPLEMENT_BASIS = "Plugins.Misc.Personalization.Customer.Predictions.Complement.Basis";

    public static string Lifecycle(LifecycleStage stage) => stage switch
    {
        LifecycleStage.None => "Plugins.Misc.Personalization.Customer.Lifecycle.None",
        LifecycleStage.New => "Plugins.Misc.Personalization.Customer.Lifecycle.New",
        LifecycleStage.Active => "Plugins.Misc.Personalization.Customer.Lifecycle.Active",
        LifecycleStage.AtRisk => "Plugins.Misc.Personalization.Customer.Lifecycle.AtRisk",
        LifecycleStage.Lapsed => "Plugins.Misc.Personalization.Customer.Lifecycle.Lapsed",
        _ => null
    };

    public static string Interaction(InteractionType type) => type switch
    {
        InteractionType.View => "Plugins.Misc.Personalization.Customer.Event.View",
        InteractionType.Search => "Plugins.Misc.Personalization.Customer.Event.Search",
        InteractionType.AddToCart => "Plugins.Misc.Personalization.Customer.Event.AddToCart",
        InteractionType.RemoveFromCart => "Plugins.Misc.Personalization.Customer.Event.RemoveFromCart",
        InteractionType.Wishlist => "Plugins.Misc.Personalization.Customer.Event.Wishlist",
        InteractionType.Purchase => "Plugins.Misc.Personalization.Customer.Event.Purchase",
        InteractionType.RecommendationImpression => "Plugins.Misc.Personalization.Customer.Event.RecommendationImpression",
        InteractionType.RecommendationClick => "Plugins.Misc.Personalization.Customer.Event.RecommendationClick",
        InteractionType.EmailOpen => "Plugins.Misc.Personalization.Customer.Event.EmailOpen",
        InteractionType.EmailClick => "Plugins.Misc.Personalization.Customer.Event.EmailClick",
        InteractionType.EmailSent => "Plugins.Misc.Personalization.Customer.Event.EmailSent",
        InteractionType.SearchClick => "Plugins.Misc.Personalization.Customer.Event.SearchClick",
        _ => null
    };

    public static string Prediction(PredictionKind kind) => kind switch
    {
        PredictionKind.Replenishment => "Plugins.Misc.Personalization.Customer.Prediction.Replenishment",
        PredictionKind.Complement => "Plugins.Misc.Personalization.Customer.Prediction.Complement",
        PredictionKind.BackInStock => "Plugins.Misc.Personalization.Customer.Prediction.BackInStock",
        _ => null
    };

    public static string Affinity(AffinityKind kind) => kind switch
    {
        AffinityKind.Category => "Plugins.Misc.Personalization.Customer.Affinity.Category",
        AffinityKind.Manufacturer => "Plugins.Misc.Personalization.Customer.Affinity.Manufacturer",
        AffinityKind.PriceBand => "Plugins.Misc.Personalization.Customer.Affinity.PriceBand",
        AffinityKind.SpecificationOption => "Plugins.Misc.Personalization.Customer.Affinity.SpecificationOption",
        AffinityKind.Tag => "Plugins.Misc.Personalization.Customer.Affinity.Tag",
        AffinityKind.AttributeValue => "Plugins.Misc.Personalization.Customer.Affinity.AttributeValue",
        _ => null
    };
}
