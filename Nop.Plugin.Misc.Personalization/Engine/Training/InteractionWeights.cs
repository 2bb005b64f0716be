using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// How much each kind of interaction says about interest (view &lt; cart &lt; purchase). Zero or negative weights are
/// ignored by the models that need positive evidence.
/// </summary>
public sealed class InteractionWeights
{
    private const int SLOTS = 16;
    private readonly double[] _weights;

    public InteractionWeights(IReadOnlyDictionary<InteractionType, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = new double[SLOTS];
        foreach (var (type, weight) in weights)
        {
            if ((int)type >= SLOTS)
                throw new ArgumentOutOfRangeException(nameof(weights), type, "Unknown interaction type");
            if (!double.IsFinite(weight))
                throw new ArgumentOutOfRangeException(nameof(weights), weight, "Weights must be finite");
            _weights[(int)type] = weight;
        }
    }

    public static InteractionWeights Default { get; } = new(new Dictionary<InteractionType, double>
    {
        [InteractionType.View] = 1,
        [InteractionType.Search] = 0,
        [InteractionType.AddToCart] = 3,
        [InteractionType.RemoveFromCart] = 0,
        [InteractionType.Wishlist] = 2,
        [InteractionType.Purchase] = 5,
        [InteractionType.RecommendationImpression] = 0,
        [InteractionType.RecommendationClick] = 1.5,
        [InteractionType.EmailOpen] = 0,
        [InteractionType.EmailClick] = 1
    });

    public double this[InteractionType type] => (uint)type < SLOTS ? _weights[(int)type] : 0;

    internal double[] ToArray()
    {
        return (double[])_weights.Clone();
    }

    internal static InteractionWeights FromArray(double[] weights)
    {
        var map = new Dictionary<InteractionType, double>();
        for (var i = 0; i < Math.Min(weights.Length, SLOTS); i++)
        {
            if (weights[i] != 0)
                map[(InteractionType)i] = weights[i];
        }
        return new InteractionWeights(map);
    }
}
