using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

public sealed partial class Recommender
{
    private const double DAYS_PER_YEAR = 364;

    /// <summary>
    /// "Back this season": products whose seasonal index this season reaches <see cref="ScoringOptions.InSeasonIndex"/>
    /// (they sold in these weeks of an earlier year well above their average week), what is expected to sell most this
    /// season first; for a shopper, what they bought in these weeks a year ago first, and products of categories they
    /// know count double.
    /// Nothing without a seasonal index (less than a year of history) or when nothing is in season.
    /// </summary>
    public IReadOnlyList<Recommendation> BackThisSeason(ReadOnlySpan<Interaction> history, DateTime nowUtc, int count, IReadOnlyCollection<int> excludedProductIds = null)
    {
        if (count <= 0)
            return Array.Empty<Recommendation>();
        var season = SeasonAt(nowUtc);
        if (season == null || season.InSeason.Length == 0)
            return Array.Empty<Recommendation>();

        var (lastSeasonStart, lastSeasonEnd) = LastYearsSeason(nowUtc, Scoring);
        var boughtLastSeason = new HashSet<int>();
        var knownCategories = new HashSet<int>();
        foreach (ref readonly var e in history)
        {
            var i = _catalog.IndexOf(e.ProductId);
            if (i < 0)
                continue;
            if (e.Type == InteractionType.Purchase && e.TimeUtc.Ticks >= lastSeasonStart && e.TimeUtc.Ticks < lastSeasonEnd)
                boughtLastSeason.Add(i);
            foreach (var category in _catalog.CategoriesOf(i))
                knownCategories.Add(category);
        }

        var scratch = Rent();
        try
        {
            Block(scratch, excludedProductIds);
            foreach (var j in season.InSeason)
            {
                var score = (double)season.Expected[j];
                // expected shares are at most 1: the shopper's own purchases of last season come first
                if (boughtLastSeason.Contains(j))
                    score += 2;
                else if (SharesCategory(j, knownCategories))
                    score *= 2;
                scratch.Touch(j, scratch.Candidates, ScoringScratch.CANDIDATE);
                scratch.Slots[j].Score = score;
            }
            return Select(scratch, count, (s, j) => new[] { SeasonalReason(j, season) });
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>
    /// Works out the season's factors off the request path: this week's, and the next week's when it starts within
    /// <paramref name="ahead"/>, so the first request of a new week finds them ready instead of working through the catalog.
    /// </summary>
    public void PrepareSeason(DateTime nowUtc, TimeSpan ahead)
    {
        if (!Snapshot.Seasonal.IsAvailable)
            return;
        SeasonAt(nowUtc);
        var later = nowUtc + ahead;
        var key = WeekKey(later);
        if (key != WeekKey(nowUtc) && Volatile.Read(ref _nextSeason)?.WeekKey != key)
            Volatile.Write(ref _nextSeason, BuildSeason(Snapshot.Seasonal, key, later));
    }

    /// <summary>Each product's index for the season starting in <paramref name="nowUtc"/>'s week; null without a seasonal index.</summary>
    private SeasonFactors SeasonAt(DateTime nowUtc)
    {
        var index = Snapshot.Seasonal;
        if (!index.IsAvailable)
            return null;
        var key = WeekKey(nowUtc);
        var current = Volatile.Read(ref _season);
        if (current != null && current.WeekKey == key)
            return current;
        var prepared = Volatile.Read(ref _nextSeason);
        current = prepared != null && prepared.WeekKey == key ? prepared : BuildSeason(index, key, nowUtc);
        Volatile.Write(ref _season, current);
        return current;
    }

    private static int WeekKey(DateTime utc) => ISOWeek.GetYear(utc) * 100 + ISOWeek.GetWeekOfYear(utc);

    private SeasonFactors BuildSeason(SeasonalIndex index, int key, DateTime nowUtc)
    {
        var weeks = SeasonalIndex.WeeksFrom(nowUtc, Scoring.SeasonWeeks);
        var values = new float[_catalog.Count];
        var weighted = new float[_catalog.Count];
        var expected = new float[_catalog.Count];
        var inSeason = new List<int>();
        double most = 0;
        for (var j = 0; j < values.Length; j++)
        {
            var value = index.SeasonOf(j, _catalog.CategoriesOf(j), weeks);
            values[j] = (float)value;
            weighted[j] = (float)Math.Pow(value, Scoring.SeasonalWeight);
            if (value < Scoring.InSeasonIndex || index.WeeklyMeanOf(j) <= 0)
                continue;
            inSeason.Add(j);
            expected[j] = (float)(index.WeeklyMeanOf(j) * value);
            most = Math.Max(most, expected[j]);
        }
        foreach (var j in inSeason)
            expected[j] = (float)(expected[j] / most);
        inSeason.Sort((a, b) => expected[b].CompareTo(expected[a]) is var c && c != 0 ? c : a.CompareTo(b));
        return new SeasonFactors(key, values, weighted, expected, inSeason.ToArray());
    }

    /// <summary>
    /// A product's trending in season: trending x index^weight, plus weight x the top trending x its expected share of
    /// this season, so what sold in these weeks last year comes back before this year's trending has caught up.
    /// </summary>
    private double SeasonalTrending(int item, SeasonFactors season)
    {
        return _popularity.TrendingOf(item) * season.Weighted[item] + Scoring.SeasonalWeight * _popularity.MaxTrending * season.Expected[item];
    }

    /// <summary>The same weeks a year (52 weeks) ago, from a week before them, as ticks [start, end).</summary>
    private static (long Start, long End) LastYearsSeason(DateTime nowUtc, ScoringOptions scoring)
    {
        var yearAgo = nowUtc.AddDays(-DAYS_PER_YEAR);
        return (yearAgo.AddDays(-7).Ticks, yearAgo.AddDays(7 * Math.Max(1, scoring.SeasonWeeks)).Ticks);
    }

    private bool SharesCategory(int item, HashSet<int> categories)
    {
        if (categories.Count == 0)
            return false;
        foreach (var category in _catalog.CategoriesOf(item))
        {
            if (categories.Contains(category))
                return true;
        }
        return false;
    }
}
