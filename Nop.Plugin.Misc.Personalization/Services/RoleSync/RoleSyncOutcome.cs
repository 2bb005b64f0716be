using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// What the last sync did with one segment's role, as kept in the insights state.
/// </summary>
/// <param name="Left">Changes still to make on later runs (beyond the per-run bound).</param>
/// <param name="Error">Why the sync failed (<see cref="RoleSyncStatus.Failed"/>); null otherwise.</param>
public sealed record RoleSyncOutcome(int SegmentId, int RoleId, RoleSyncStatus Status, int Added = 0, int Removed = 0, int Left = 0, string Error = null)
{
    public static RoleSyncOutcome Skipped(int segmentId, int roleId, RoleSyncStatus status) => new(segmentId, roleId, status);

    /// <summary>One line per segment: "segment id|role id|status|added|removed|left|error".</summary>
    public static string Format(IEnumerable<RoleSyncOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var lines = outcomes.Select(outcome => string.Join('|',
            outcome.SegmentId.ToString(CultureInfo.InvariantCulture),
            outcome.RoleId.ToString(CultureInfo.InvariantCulture),
            outcome.Status.ToString(),
            outcome.Added.ToString(CultureInfo.InvariantCulture),
            outcome.Removed.ToString(CultureInfo.InvariantCulture),
            outcome.Left.ToString(CultureInfo.InvariantCulture),
            outcome.Error?.Replace('|', '/').Replace('\r', ' ').Replace('\n', ' ') ?? string.Empty)).ToList();

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>The lines of <see cref="Format"/>; a malformed line is left out rather than failing the page.</summary>
    public static IReadOnlyList<RoleSyncOutcome> Parse(string text)
    {
        var outcomes = new List<RoleSyncOutcome>();
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 7
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var segmentId)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var roleId)
                && Enum.TryParse<RoleSyncStatus>(parts[2], out var status) && Enum.IsDefined(status)
                && int.TryParse(parts[3], CultureInfo.InvariantCulture, out var added)
                && int.TryParse(parts[4], CultureInfo.InvariantCulture, out var removed)
                && int.TryParse(parts[5], CultureInfo.InvariantCulture, out var left))
            {
                outcomes.Add(new RoleSyncOutcome(segmentId, roleId, status, added, removed, left, parts[6].Length == 0 ? null : parts[6]));
            }
        }

        return outcomes;
    }
}
