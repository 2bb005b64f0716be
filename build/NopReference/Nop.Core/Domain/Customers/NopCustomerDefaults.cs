namespace Nop.Core.Domain.Customers;

public static partial class NopCustomerDefaults
{
    public static string SearchEngineCustomerName => "SearchEngine";

    public static string BackgroundTaskCustomerName => "BackgroundTask";

    public static string EuCookieLawAcceptedAttribute => "EuCookieLaw.Accepted";
}
