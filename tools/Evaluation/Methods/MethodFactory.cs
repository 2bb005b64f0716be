namespace Evaluation.Methods;

public static class MethodFactory
{
    public static IEnumerable<IEvaluatedMethod> Create(CommandLine options, int itemCount, Protocol.Split split)
    {
        yield return new EngineMethod(TunedSettings.For(options, split) with { Parallelism = options.Parallelism });
        yield return new PopularityMethod(itemCount);
        yield return new AlsoPurchasedMethod(itemCount);
        yield return new RepeatMethod(itemCount);
    }
}
