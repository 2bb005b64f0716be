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

    public string FailedStep { get; private set; }

    public void BeforeStep()
    {
        if (FailedStep != null)
            Assert.Fail($"{EARLIER_STEP_FAILED}: {FailedStep}");
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
