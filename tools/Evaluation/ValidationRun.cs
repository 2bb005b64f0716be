using Evaluation.Data;

namespace Evaluation;

public static class ValidationRun
{
    public static int Run(RetailData data, DateTime testStart, CommandLine options)
    {
        return 0;
    }
}
