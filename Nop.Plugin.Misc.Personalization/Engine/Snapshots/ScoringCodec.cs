using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Snapshots;

/// <summary>Scoring settings as a positional list of doubles; new settings are appended, so older snapshots still read.</summary>
internal static class ScoringCodec
{
    public static double[] ToArray(ScoringOptions s)
    {
        return new[]
        {
            s.HistoryHalfLifeDays, s.SessionMinutes, s.SessionBoost, s.SimilarWeight, s.BoughtTogetherWeight, s.SequentialWeight,
            s.PopularityWeight, s.RepeatWeight, s.RepeatHalfLifeDays, s.ReplenishableBoost, s.DueBoost, s.AffinityExponent,
            s.ActivityExponent, s.ActivityFloor, s.MomentumExponent, s.RepeatRateExponent, s.RepeatShareExponent,
            s.RepeatOrderHalfLife, s.RepeatRecencyBoost, s.RepeatRecencyHalfLifeDays, s.RepeatQuantityExponent,
            s.MaxSpreadProducts, s.SeasonalWeight, s.SeasonWeeks, s.InSeasonIndex
        };
    }

    public static ScoringOptions FromArray(double[] v)
    {
        var d = new ScoringOptions();
        double At(int i, double fallback) => i < v.Length ? v[i] : fallback;
        return new ScoringOptions
        {
            HistoryHalfLifeDays = At(0, d.HistoryHalfLifeDays),
            SessionMinutes = At(1, d.SessionMinutes),
            SessionBoost = At(2, d.SessionBoost),
            SimilarWeight = At(3, d.SimilarWeight),
            BoughtTogetherWeight = At(4, d.BoughtTogetherWeight),
            SequentialWeight = At(5, d.SequentialWeight),
            PopularityWeight = At(6, d.PopularityWeight),
            RepeatWeight = At(7, d.RepeatWeight),
            RepeatHalfLifeDays = At(8, d.RepeatHalfLifeDays),
            ReplenishableBoost = At(9, d.ReplenishableBoost),
            DueBoost = At(10, d.DueBoost),
            AffinityExponent = At(11, d.AffinityExponent),
            ActivityExponent = At(12, d.ActivityExponent),
            ActivityFloor = At(13, d.ActivityFloor),
            MomentumExponent = At(14, d.MomentumExponent),
            RepeatRateExponent = At(15, d.RepeatRateExponent),
            RepeatShareExponent = At(16, d.RepeatShareExponent),
            RepeatOrderHalfLife = At(17, d.RepeatOrderHalfLife),
            RepeatRecencyBoost = At(18, d.RepeatRecencyBoost),
            RepeatRecencyHalfLifeDays = At(19, d.RepeatRecencyHalfLifeDays),
            RepeatQuantityExponent = At(20, d.RepeatQuantityExponent),
            MaxSpreadProducts = (int)At(21, d.MaxSpreadProducts),
            SeasonalWeight = At(22, d.SeasonalWeight),
            SeasonWeeks = (int)At(23, d.SeasonWeeks),
            InSeasonIndex = At(24, d.InSeasonIndex)
        };
    }
}
