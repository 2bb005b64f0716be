namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The steps build on each other: once one fails, the later ones fail at once naming it instead of timing out one by one.
/// A step in the <see cref="LOG_CHECK"/> category (the shop log holds no plugin error) fails on its own without closing
/// the gate: nothing later depends on a clean log, and the steps after it still say what works.
/// </summary>
public sealed class StepGate
{
    public const string EARLIER_STEP_FAILED = "an earlier step failed";
    public const string LOG_CHECK = "LogCheck";

    /// <summary>
    /// Set to a step's Order to run the story only up to that step (the page benchmark needs the installed, trained
    /// shop of the early steps and none of the later ones).
    /// </summary>
    public const string STOP_AFTER = "PERSONALIZATION_E2E_STOP_AFTER";

    public string FailedStep { get; private set; }

    public void BeforeStep(TestContext context)
    {
        if (FailedStep != null)
            Assert.Fail($"{EARLIER_STEP_FAILED}: {FailedStep}");

        if (int.TryParse(Environment.GetEnvironmentVariable(STOP_AFTER), out var lastStep)
            && context.Test.Properties.Get("Order") is int order && order > lastStep)
            Assert.Ignore($"{STOP_AFTER}={lastStep}: the story stops before this step");
    }

    public void AfterStep(TestContext context)
    {
        if (FailedStep != null || context.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed)
            return;

        var categories = context.Test.Properties["Category"];
        if (categories.Contains(LOG_CHECK))
            return;

        FailedStep = context.Test.Name;
    }
}
