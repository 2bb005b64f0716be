using Nop.Plugin.Misc.Personalization.Models.CustomerInsights;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// Reads what the plugin knows about one customer for the admin customer page.
/// </summary>
public interface ICustomerInsightsReader
{
    Task<CustomerInsightsModel> ReadAsync(int customerId);
}
