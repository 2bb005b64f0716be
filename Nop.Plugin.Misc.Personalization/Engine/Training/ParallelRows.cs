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

    /// <summary>
    /// Like <see cref="Run"/>, but each worker fills its own heaps (a pair found in one row is offered to another row's
    /// heap too); the workers' heaps are merged, which gives the same top-K as one worker since top-K does not depend on
    /// arrival order.
    /// </summary>
    public static RowHeaps Collect(int rows, int parallelism, Func<int, int, RowHeaps> work)
    {
        if (parallelism <= 1 || rows < 1024)
            return work(0, 1);
        var workers = new Task<RowHeaps>[parallelism];
        for (var w = 0; w < parallelism; w++)
        {
            var first = w;
            workers[w] = Task.Factory.StartNew(() => work(first, parallelism), TaskCreationOptions.LongRunning);
        }
        Task.WaitAll(workers);
        // rows merge independently: on the same threads
        var result = workers[0].Result;
        Run(rows, parallelism, (first, stride) =>
        {
            for (var row = first; row < rows; row += stride)
            {
                for (var w = 1; w < parallelism; w++)
                    result.MergeRow(workers[w].Result, row);
            }
        });
        return result;
    }
}
