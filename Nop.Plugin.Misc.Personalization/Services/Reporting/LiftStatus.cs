namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

public enum LiftStatus
{
    Computed,

    /// <summary>The holdout share is 0 %: nobody is held out, so there is nothing to compare with.</summary>
    NoHoldout,

    /// <summary>More customers were seen than the report looks up; the lift would make the page too slow.</summary>
    TooManyCustomers
}
