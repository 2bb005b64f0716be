using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.BackInStock;

public sealed class BackInStockOptions
{
    /// <summary>Predicted customers offered the product besides its subscribers (0: subscribers only).</summary>
    public int MaxPredicted { get; init; } = 50;

    /// <summary>Interest halves every this many days.</summary>
    public double HalfLifeDays { get; init; } = 30;

    public InteractionWeights Weights { get; init; } = InteractionWeights.Default;
}
