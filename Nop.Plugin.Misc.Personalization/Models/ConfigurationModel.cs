using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Personalization.Models;

public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.Enabled")]
    public bool Enabled { get; set; }
    public bool Enabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.Consent")]
    public int Consent { get; set; }
    public bool Consent_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableConsents { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.GdprConsentId")]
    public int GdprConsentId { get; set; }
    public IList<SelectListItem> AvailableGdprConsents { get; set; } = new List<SelectListItem>();

    /// <summary>
    /// The owner confirmed that switching to a stricter consent mode removes the identified data collected without it.
    /// </summary>
    public bool ConfirmConsentChange { get; set; }

    //shown, never posted back
    [BindNever]
    public IList<string> ConsentModeHints { get; set; } = new List<string>();

    /// <summary>The cookie-banner mode is chosen but the shop shows no cookie banner: nobody can accept.</summary>
    [BindNever]
    public bool CookieBannerHidden { get; set; }

    /// <summary>Set when a stricter consent mode waits for the owner's confirmation.</summary>
    [BindNever]
    public ConsentChangeModel PendingConsentChange { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.HoldoutPercent")]
    public int HoldoutPercent { get; set; }
    public bool HoldoutPercent_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.DecayHalfLifeDays")]
    public int DecayHalfLifeDays { get; set; }
    public bool DecayHalfLifeDays_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.RetentionDays")]
    public int RetentionDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ShowOutOfStockProducts")]
    public bool ShowOutOfStockProducts { get; set; }
    public bool ShowOutOfStockProducts_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.MinimumProductsPerPlacement")]
    public int MinimumProductsPerPlacement { get; set; }
    public bool MinimumProductsPerPlacement_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.MaxProductsPerCategory")]
    public int MaxProductsPerCategory { get; set; }
    public bool MaxProductsPerCategory_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.MaxBufferedEvents")]
    public int MaxBufferedEvents { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.LowStockThreshold")]
    public int LowStockThreshold { get; set; }
    public bool LowStockThreshold_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.PromoteLowStock")]
    public bool PromoteLowStock { get; set; }
    public bool PromoteLowStock_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.IsSearchProvider")]
    public bool IsSearchProvider { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.SearchDelegateSystemName")]
    public string SearchDelegateSystemName { get; set; }

    public IList<SelectListItem> AvailableSearchDelegates { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ProductBoxCacheMinutes")]
    public int ProductBoxCacheMinutes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.TrainingMemoryMegabytes")]
    public int TrainingMemoryMegabytes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.TrainingNode")]
    public string TrainingNode { get; set; }

    /// <summary>The machine name of the node showing the page, for the training-node field.</summary>
    public string ThisNode { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.BackInStockMaxCustomers")]
    public int BackInStockMaxCustomers { get; set; }
    public bool BackInStockMaxCustomers_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.BackInStockOfferDays")]
    public int BackInStockOfferDays { get; set; }
    public bool BackInStockOfferDays_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.BackInStockEmailsEnabled")]
    public bool BackInStockEmailsEnabled { get; set; }
    public bool BackInStockEmailsEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ReplenishmentEmailsEnabled")]
    public bool ReplenishmentEmailsEnabled { get; set; }
    public bool ReplenishmentEmailsEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ReplenishmentEmailMinDaysBetween")]
    public int ReplenishmentEmailMinDaysBetween { get; set; }
    public bool ReplenishmentEmailMinDaysBetween_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ReplenishmentEmailMaxProducts")]
    public int ReplenishmentEmailMaxProducts { get; set; }
    public bool ReplenishmentEmailMaxProducts_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ReplenishmentEmailConsent")]
    public int ReplenishmentEmailConsent { get; set; }
    public bool ReplenishmentEmailConsent_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableEmailConsents { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ReplenishmentEmailNewsletterTypeId")]
    public int ReplenishmentEmailNewsletterTypeId { get; set; }
    public bool ReplenishmentEmailNewsletterTypeId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableNewsletterTypes { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.ReplenishmentEmailGdprConsentId")]
    public int ReplenishmentEmailGdprConsentId { get; set; }
    public bool ReplenishmentEmailGdprConsentId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableEmailGdprConsents { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.AbandonedCartEmailsEnabled")]
    public bool AbandonedCartEmailsEnabled { get; set; }
    public bool AbandonedCartEmailsEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.AbandonedCartFirstDelayMinutes")]
    public int AbandonedCartFirstDelayMinutes { get; set; }
    public bool AbandonedCartFirstDelayMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.AbandonedCartSecondReminderEnabled")]
    public bool AbandonedCartSecondReminderEnabled { get; set; }
    public bool AbandonedCartSecondReminderEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.AbandonedCartSecondDelayHours")]
    public int AbandonedCartSecondDelayHours { get; set; }
    public bool AbandonedCartSecondDelayHours_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Fields.EmailFrequencyCapHours")]
    public int EmailFrequencyCapHours { get; set; }
    public bool EmailFrequencyCapHours_OverrideForStore { get; set; }

    /// <summary>The latest abandoned-cart run, already worded; empty before the first run.</summary>
    [BindNever]
    public string AbandonedCartLastRun { get; set; }

    //the cards below are built for display and never posted back
    [BindNever]
    public PlacementListModel Placements { get; set; } = new();

    [BindNever]
    public HealthModel Health { get; set; } = new();

    public StatusModel Status { get; set; } = new();

    [BindNever]
    public PerformanceModel Performance { get; set; } = new();

    [BindNever]
    public SegmentListModel Segments { get; set; } = new();
}
