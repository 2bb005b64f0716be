namespace Nop.Plugin.Misc.Personalization.Services;

/// <summary>
/// The ranges the admin may choose; shared by validation and the configuration page hints.
/// </summary>
public static class SettingsLimits
{
    public const int MAX_HOLDOUT_PERCENT = 50;
    public const int MIN_HALF_LIFE_DAYS = 1;
    public const int MAX_HALF_LIFE_DAYS = 3650;
    public const int MIN_RETENTION_DAYS = 30;
    public const int MAX_RETENTION_DAYS = 3650;
    public const int MIN_BUFFERED_EVENTS = 1_000;
    public const int MAX_BUFFERED_EVENTS = 10_000_000;
    public const int MIN_TRAINING_MEMORY_MEGABYTES = 400;
    public const int MAX_TRAINING_MEMORY_MEGABYTES = 65_536;
    public const int MAX_TRAINING_NODE_LENGTH = 200;

    /// <summary>nopCommerce's plugin system names are short; anything longer is not one.</summary>
    public const int MAX_SEARCH_DELEGATE_LENGTH = 200;
    public const int MAX_LOW_STOCK_THRESHOLD = 10_000;
    public const int MAX_PRODUCT_BOX_CACHE_MINUTES = 60;
    public const int MIN_PRODUCTS_PER_PLACEMENT = 1;
    public const int MAX_PRODUCTS_PER_PLACEMENT = 24;
    public const int MAX_BACK_IN_STOCK_CUSTOMERS = 10_000;
    public const int MIN_BACK_IN_STOCK_OFFER_DAYS = 1;
    public const int MAX_BACK_IN_STOCK_OFFER_DAYS = 90;
    public const int MIN_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN = 1;
    public const int MAX_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN = 365;
    public const int MIN_REPLENISHMENT_EMAIL_PRODUCTS = 1;
    public const int MAX_REPLENISHMENT_EMAIL_PRODUCTS = 12;
    public const int MIN_ABANDONED_CART_FIRST_DELAY_MINUTES = 5;
    public const int MAX_ABANDONED_CART_FIRST_DELAY_MINUTES = 10_080;
    public const int MIN_ABANDONED_CART_SECOND_DELAY_HOURS = 1;
    public const int MAX_ABANDONED_CART_SECOND_DELAY_HOURS = 168;
    public const int MAX_EMAIL_FREQUENCY_CAP_HOURS = 720;
}
