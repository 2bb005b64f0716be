namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Runs independent rows on a few threads, worker w taking rows w, w+P, w+2P...; each row's result depends only on
/// the row, so the output is the same for any parallelism.
/// </summary>
internal static class ParallelRows
{
    /// <param name="work">Called once per worker with (first row, stride); allocates its scratch once.</param>
    public static void Run(int rows, int parallelism, Action<int, int> work)
    {
        if (parallelism <= 1 || rows < 1024)
        {
            work(0, 1);
            return;
        }
        var workers = new Task[parallelism];
        for (var w = 0; w < parallelism; w++)
        {
            var first = w;
            workers[w] = Task.Factory.StartNew(() => work(first, parallelism), TaskCreationOptions.LongRunning);
        }
        Task.WaitAll(workers);
    }
}
