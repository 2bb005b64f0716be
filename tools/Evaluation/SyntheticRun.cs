namespace Evaluation;

public static class SyntheticRun
{
    public static int Run(CommandLine options)
    {
        return 0;
    }
}
