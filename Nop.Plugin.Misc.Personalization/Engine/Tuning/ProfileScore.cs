namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

/// <summary>
/// How a profile did on the hold-out window: NDCG@10 of "for you" against what each customer then bought, with bought
/// products allowed (<paramref name="AllNdcg"/>) and excluded (<paramref name="DiscoveryNdcg"/>, new products only).
/// </summary>
public sealed record ProfileScore(string Profile, double DiscoveryNdcg, double AllNdcg)
{
    public double Objective => DiscoveryNdcg + AllNdcg;
}
