using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Retrains every store's model from the events recorded so far.
/// </summary>
public class ModelTrainingTask : IScheduleTask
{
    private readonly ModelTrainingService _trainingService;

    public ModelTrainingTask(ModelTrainingService trainingService)
    {
        _trainingService = trainingService;
    }

    public Task ExecuteAsync() => _trainingService.TrainWithLockAsync();
}
