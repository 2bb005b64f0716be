namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The steps build on each other: once one fails, the later ones fail at once naming it instead of timing out one by one.
/// </summary>
public sealed class StepGate
{
    public const string EARLIER_STEP_FAILED = "an earlier step failed";

    public string FailedStep { get; private set; }

    public void BeforeStep()
    {
        if (FailedStep != null)
            Assert.Fail($"{EARLIER_STEP_FAILED}: {FailedStep}");
    }

    public void AfterStep(TestContext context)
    {
        var outcome = context.Result.Outcome.Status;
        if (FailedStep == null && outcome is NUnit.Framework.Interfaces.TestStatus.Failed)
            FailedStep = context.Test.Name;
    }
}
