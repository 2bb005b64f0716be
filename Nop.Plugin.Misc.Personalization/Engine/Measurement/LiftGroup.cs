namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// Inputs to the holdout lift for one group: customers seen in the period, how many bought, and what they spent.
/// </summary>
public sealed record LiftGroup(int Customers, int Buyers, decimal Revenue)
{
    public double ConversionRate => Customers == 0 ? 0d : (double)Buyers / Customers;

    public decimal RevenuePerCustomer => Customers == 0 ? 0m : Revenue / Customers;
}
