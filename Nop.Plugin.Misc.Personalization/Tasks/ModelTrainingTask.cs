using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Hourly: asks the background trainer to retrain every store's model (only one web-farm node trains at a time).
/// </summary>
public class ModelTrainingTask : IScheduleTask
{
    private readonly ITrainingRequests _trainingRequests;

    public ModelTrainingTask(ITrainingRequests trainingRequests)
    {
        _trainingRequests = trainingRequests;
    }

    public Task ExecuteAsync()
    {
        //the run's task never faults; the trainer logs what happened
        _ = _trainingRequests.RequestAsync();
        return Task.CompletedTask;
    }
}
