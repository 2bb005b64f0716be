using System.Security.Cryptography;
using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// Shop-owner settings; nopCommerce loads them per store.
/// </summary>
public class PersonalizationSettings : ISettings
{
    public const int DEFAULT_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN = 14;
    public const int DEFAULT_REPLENISHMENT_EMAIL_MAX_PRODUCTS = 4;
    public const int DEFAULT_PRODUCT_BOX_CACHE_MINUTES = 5;
    public const int DEFAULT_ABANDONED_CART_FIRST_DELAY_MINUTES = 60;
    public const int DEFAULT_ABANDONED_CART_SECOND_DELAY_HOURS = 24;
    public const int DEFAULT_EMAIL_FREQUENCY_CAP_HOURS = 24;
    public const int DEFAULT_BACK_IN_STOCK_MAX_CUSTOMERS = 50;
    public const int DEFAULT_BACK_IN_STOCK_OFFER_DAYS = 14;

    public bool Enabled { get; set; }

    public TrackingConsent Consent { get; set; }

    /// <summary>
    /// The nopCommerce GDPR consent (GdprConsent id) a customer must have agreed to in <see cref="TrackingConsent.GdprConsentAccepted"/> mode.
    /// </summary>
    public int GdprConsentId { get; set; }

    /// <summary>
    /// Share of customers (0–50 %) who see no personalised widget, so lift can be measured.
    /// </summary>
    public int HoldoutPercent { get; set; }

    /// <summary>
    /// How fast old behaviour loses weight: an interaction this many days old counts half.
    /// </summary>
    public int DecayHalfLifeDays { get; set; }

    /// <summary>
    /// Events older than this are deleted by the cleanup task.
    /// </summary>
    public int RetentionDays { get; set; }

    /// <summary>
    /// Upper bound of events held in memory while the database is unavailable; beyond it events are dropped and counted.
    /// </summary>
    public int MaxBufferedEvents { get; set; }

    /// <summary>
    /// For how many minutes a shopper's product boxes are reused on their next pages instead of being prepared again
    /// (0 = prepared on every page). Per shopper, never shared; installation-wide.
    /// </summary>
    public int ProductBoxCacheMinutes { get; set; }

    /// <summary>
    /// Memory (MB) a training run may use: it reads at most the newest events that fit (see
    /// Engine.Training.TrainingMemoryGuard). Installation-wide; 0 (settings saved before 0.7.0) means the default.
    /// </summary>
    public int TrainingMemoryMegabytes { get; set; }

    /// <summary>
    /// The machine name of the web-farm node that trains; empty = whichever node the schedule or the admin asks.
    /// Installation-wide.
    /// </summary>
    public string TrainingNode { get; set; }

    /// <summary>
    /// System name of another installed search provider that finds the candidates the plugin re-ranks when it is the
    /// shop's search provider; empty = the plugin's own index. Installation-wide, like nopCommerce's provider choice.
    /// </summary>
    public string SearchDelegateSystemName { get; set; }

    /// <summary>
    /// Out-of-stock products may be recommended (for shops that take backorders).
    /// </summary>
    public bool ShowOutOfStockProducts { get; set; }

    /// <summary>
    /// A product with at most this many units left comes after the others a placement would show (0 = no difference).
    /// </summary>
    public int LowStockThreshold { get; set; }

    /// <summary>
    /// "Last items": products low on stock come first instead of last.
    /// </summary>
    public bool PromoteLowStock { get; set; }

    /// <summary>
    /// A placement with fewer products than this hides instead of showing filler.
    /// </summary>
    public int MinimumProductsPerPlacement { get; set; }

    /// <summary>
    /// Diversity: at most this many products of one category in a placement.
    /// </summary>
    public int MaxProductsPerCategory { get; set; }

    /// <summary>
    /// Secret for signing tracking links and tokens (HMAC); generated at install, never shown.
    /// </summary>
    public string TrackingKey { get; set; }

    /// <summary>
    /// Customers offered a product coming back in stock besides those who asked to be told (0: only them).
    /// </summary>
    public int BackInStockMaxCustomers { get; set; }

    /// <summary>
    /// A "back in stock for you" offer ends after this many days (sooner once the customer looks at or buys the product).
    /// </summary>
    public int BackInStockOfferDays { get; set; }

    /// <summary>
    /// "Back in stock for you" offers are also e-mailed, with the reminders' consent, cap and opt-out. Off until the owner
    /// turns it on.
    /// </summary>
    public bool BackInStockEmailsEnabled { get; set; }

    /// <summary>
    /// Replenishment reminders are e-mailed (to registered customers with the e-mail consent the owner chose). Off until
    /// the owner turns it on.
    /// </summary>
    public bool ReplenishmentEmailsEnabled { get; set; }

    /// <summary>
    /// At most one replenishment reminder per customer per this many days.
    /// </summary>
    public int ReplenishmentEmailMinDaysBetween { get; set; }

    /// <summary>
    /// At most this many products in one reminder, most confident first.
    /// </summary>
    public int ReplenishmentEmailMaxProducts { get; set; }

    /// <summary>
    /// Which permission a reminder needs: a newsletter subscription (the default, as before this setting existed) or a
    /// nopCommerce GDPR consent.
    /// </summary>
    public EmailConsent ReplenishmentEmailConsent { get; set; }

    /// <summary>
    /// With <see cref="EmailConsent.NewsletterSubscription"/>: the subscription type that counts; 0 = any type (what
    /// every version before this setting did, and what an existing install keeps until the owner picks one).
    /// </summary>
    public int ReplenishmentEmailNewsletterTypeId { get; set; }

    /// <summary>
    /// With <see cref="EmailConsent.GdprConsent"/>: the GdprConsent the customer must have accepted.
    /// </summary>
    public int ReplenishmentEmailGdprConsentId { get; set; }

    /// <summary>
    /// Abandoned-cart e-mails are sent (registered customers with the reminders' e-mail consent). Off until the owner
    /// turns it on, per store.
    /// </summary>
    public bool AbandonedCartEmailsEnabled { get; set; }

    /// <summary>
    /// A cart untouched for this many minutes gets the first reminder.
    /// </summary>
    public int AbandonedCartFirstDelayMinutes { get; set; }

    /// <summary>
    /// A second reminder for the very same cart state, <see cref="AbandonedCartSecondDelayHours"/> after the first.
    /// </summary>
    public bool AbandonedCartSecondReminderEnabled { get; set; }

    public int AbandonedCartSecondDelayHours { get; set; }

    /// <summary>
    /// At most one plugin e-mail (of any kind) per customer per this many hours; 0 lifts the cap.
    /// </summary>
    public int EmailFrequencyCapHours { get; set; }

    /// <param name="gdprEnabled">
    /// nopCommerce's GDPR setting: a shop that turned it on needs consent before anyone is identified (the cookie banner).
    /// </param>
    public static PersonalizationSettings Defaults(bool gdprEnabled = false) => new()
    {
        Enabled = true,
        Consent = gdprEnabled ? TrackingConsent.CookieBannerAccepted : TrackingConsent.Everyone,
        HoldoutPercent = 10,
        DecayHalfLifeDays = 30,
        RetentionDays = 730,
        MaxBufferedEvents = 100_000,
        TrainingMemoryMegabytes = Engine.Training.TrainingMemoryGuard.DEFAULT_MEGABYTES,
        TrainingNode = string.Empty,
        SearchDelegateSystemName = string.Empty,
        ShowOutOfStockProducts = false,
        LowStockThreshold = 3,
        ProductBoxCacheMinutes = DEFAULT_PRODUCT_BOX_CACHE_MINUTES,
        PromoteLowStock = false,
        MinimumProductsPerPlacement = 2,
        MaxProductsPerCategory = 3,
        TrackingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ReplenishmentEmailsEnabled = false,
        BackInStockMaxCustomers = DEFAULT_BACK_IN_STOCK_MAX_CUSTOMERS,
        BackInStockOfferDays = DEFAULT_BACK_IN_STOCK_OFFER_DAYS,
        BackInStockEmailsEnabled = false,
        ReplenishmentEmailMinDaysBetween = DEFAULT_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN,
        ReplenishmentEmailMaxProducts = DEFAULT_REPLENISHMENT_EMAIL_MAX_PRODUCTS,
        ReplenishmentEmailConsent = EmailConsent.NewsletterSubscription,
        ReplenishmentEmailNewsletterTypeId = 0,
        ReplenishmentEmailGdprConsentId = 0,
        AbandonedCartEmailsEnabled = false,
        AbandonedCartFirstDelayMinutes = DEFAULT_ABANDONED_CART_FIRST_DELAY_MINUTES,
        AbandonedCartSecondReminderEnabled = false,
        AbandonedCartSecondDelayHours = DEFAULT_ABANDONED_CART_SECOND_DELAY_HOURS,
        EmailFrequencyCapHours = DEFAULT_EMAIL_FREQUENCY_CAP_HOURS
    };
}
