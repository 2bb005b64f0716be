using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Evaluation.Methods;

public static class MethodFactory
{
    public static IEnumerable<IEvaluatedMethod> Create(CommandLine options, int itemCount, Protocol.Split split)
    {
        var engine = TunedSettings.For(options, split) with { Parallelism = options.Parallelism };
        yield return new EngineMethod(engine);
        yield return new PopularityMethod(itemCount);
        yield return new AlsoPurchasedMethod(itemCount);
        yield return new RepeatMethod(itemCount);
        //what a "buy it again" placement shows; only when asked for (--methods engine_buy_again)
        yield return new EngineMethod(engine, "engine_buy_again", PurchasedProducts.Only);
    }
}
