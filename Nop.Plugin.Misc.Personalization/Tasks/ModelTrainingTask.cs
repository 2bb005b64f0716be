using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Hourly: asks the background trainer to retrain every store's model (only one web-farm node trains at a time), and
/// waits for that run up to <see cref="ReportWithin"/>, so a run that fails within it shows as failed on the Schedule
/// tasks page. nopCommerce runs a task inside an HTTP call to itself that gives up after 100 seconds: a longer run
/// goes on in the background and reports in the shop's log only.
/// </summary>
public class ModelTrainingTask : IScheduleTask
{
    public static readonly TimeSpan ReportWithin = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _timeProvider;
    private readonly ITrainingRequests _trainingRequests;

    public ModelTrainingTask(TimeProvider timeProvider, ITrainingRequests trainingRequests)
    {
        _timeProvider = timeProvider;
        _trainingRequests = trainingRequests;
    }

    public async Task ExecuteAsync()
    {
        TrainingResult result;
        try
        {
            //the run's task never faults: a failure comes back in its result
            result = await _trainingRequests.RequestAsync().WaitAsync(ReportWithin, _timeProvider);
        }
        catch (TimeoutException)
        {
            return;
        }

        //the details are in the log already; an exception's message may quote data, so it is not repeated here
        if (result.Failure != null)
            throw new InvalidOperationException("Personalization: training failed; the loaded models stay in service. See Admin → System → Log.");
    }
}
