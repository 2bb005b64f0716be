using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// Membership and sizes of segments over a set of profiles.
/// </summary>
public static class SegmentAnalysis
{
    /// <summary>
    /// Ids of the segments the profile belongs to, ascending.
    /// </summary>
    public static int[] MemberOf(CustomerProfile profile, IEnumerable<SegmentDefinition> segments)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(segments);

        return segments.Where(segment => segment.Rule.Matches(profile)).Select(segment => segment.Id).Distinct().OrderBy(id => id).ToArray();
    }

    public static IReadOnlyList<SegmentSize> Sizes(IReadOnlyCollection<CustomerProfile> profiles, IEnumerable<SegmentDefinition> segments, SegmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);

        return segments
            .Select(segment =>
            {
                var members = profiles.Count(profile => segment.Rule.Matches(profile));
                var share = profiles.Count == 0 ? 0 : (double)members / profiles.Count;
                return new SegmentSize(segment.Id, segment.Name, members, share, SizeWarning(members, profiles.Count, options));
            })
            .ToArray();
    }

    /// <summary>
    /// A warning for the admin when a segment has fewer members than <see cref="SegmentOptions.MinimumMembers"/> or a
    /// smaller share of the customers than <see cref="SegmentOptions.MinimumShare"/>; null otherwise.
    /// </summary>
    public static string SizeWarning(int members, int totalProfiles, SegmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (members < options.MinimumMembers)
            return string.Format(CultureInfo.InvariantCulture, "Only {0} customers match (fewer than {1}); too small to measure or to be worth a placement.", members, options.MinimumMembers);

        var share = totalProfiles == 0 ? 0 : (double)members / totalProfiles;
        if (share < options.MinimumShare)
            return string.Format(CultureInfo.InvariantCulture, "Only {0:0.##}% of customers match (less than {1:0.##}%); consider a broader rule.", share * 100, options.MinimumShare * 100);

        return null;
    }
}
