using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Engine.Synthetic;

/// <summary>
/// A seasonal category of the synthetic shop (the known answer of seasonality tests): in ISO weeks
/// <paramref name="FirstWeek"/> to <paramref name="FirstWeek"/> + <paramref name="Weeks"/> - 1 of every year a session
/// picks it with probability <paramref name="Share"/>; in every other week nobody looks at it.
/// </summary>
/// <param name="CategoryId">The category's id (categories are numbered from 1 in product order).</param>
public sealed record SyntheticSeason(int CategoryId, int FirstWeek, int Weeks, double Share)
{
    public bool Covers(DateTime timeUtc)
    {
        var week = ISOWeek.GetWeekOfYear(timeUtc);
        return week >= FirstWeek && week < FirstWeek + Weeks;
    }
}
