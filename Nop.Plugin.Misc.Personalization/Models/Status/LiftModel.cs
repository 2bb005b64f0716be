using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// Treated against held-out customers; rates are fractions (0.05 = 5 %).
/// </summary>
public record LiftModel : BaseNopModel
{
    public LiftStatus Status { get; set; } = LiftStatus.NoHoldout;

    public int HoldoutPercent { get; set; }

    public int TreatedCustomers { get; set; }

    public int TreatedBuyers { get; set; }

    public double TreatedConversionRate { get; set; }

    public decimal TreatedRevenuePerCustomer { get; set; }

    public int HeldOutCustomers { get; set; }

    public int HeldOutBuyers { get; set; }

    public double HeldOutConversionRate { get; set; }

    public decimal HeldOutRevenuePerCustomer { get; set; }

    public double ConversionDifference { get; set; }

    public double? ConversionDifferenceLow { get; set; }

    public double? ConversionDifferenceHigh { get; set; }

    public double? RevenuePerCustomerLift { get; set; }

    public LiftVerdictKind Verdict { get; set; } = LiftVerdictKind.NotEnoughData;

    /// <summary>Treated conversion relative to held-out (0.12 = 12 % more), with its 95 % interval.</summary>
    public double RelativeLift { get; set; }

    public double RelativeLow { get; set; }

    public double RelativeHigh { get; set; }
}
