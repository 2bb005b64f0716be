using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tasks;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

/// <summary>
/// The Schedule tasks page tells a failed training run from a good one when the run ends within the task's wait.
/// </summary>
[TestFixture]
public class ModelTrainingTaskTests
{
    private static ModelTrainingTask Task(Task<TrainingResult> run, TimeProvider time = null)
    {
        var requests = new Mock<ITrainingRequests>();
        requests.Setup(r => r.RequestAsync()).Returns(run);
        return new ModelTrainingTask(time ?? TimeProvider.System, requests.Object);
    }

    [Test]
    public async Task AFailedRunFailsTheTaskWithoutRepeatingTheExceptionsMessage()
    {
        var run = TrainingResult.Failed(new InvalidOperationException("value 'jane@example.com' refused"));

        var execute = () => Task(System.Threading.Tasks.Task.FromResult(run)).ExecuteAsync();

        (await execute.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain("training failed").And.NotContain("jane@example.com");
    }

    [Test]
    public async Task AGoodOrSkippedRunSucceeds()
    {
        await Task(System.Threading.Tasks.Task.FromResult(TrainingResult.Skipped("disabled"))).ExecuteAsync();
        await Task(System.Threading.Tasks.Task.FromResult(new TrainingResult(true, 10, 5, new Dictionary<int, int> { [1] = 3 }, TimeSpan.FromSeconds(1))))
            .ExecuteAsync();
    }

    [Test]
    public async Task ARunLongerThanTheWaitGoesOnInTheBackgroundAndTheTaskEnds()
    {
        var time = new FakeTimeProvider();
        var endless = new TaskCompletionSource<TrainingResult>();

        var execute = Task(endless.Task, time).ExecuteAsync();
        execute.IsCompleted.Should().BeFalse("the task waits for the run first");
        time.Advance(ModelTrainingTask.ReportWithin);

        await execute.WaitAsync(TimeSpan.FromSeconds(10));
        execute.IsCompletedSuccessfully.Should().BeTrue();
    }
}
