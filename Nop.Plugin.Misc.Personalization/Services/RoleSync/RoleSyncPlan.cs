namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// The changes that bring a role's members to a segment's, within a bound per run.
/// </summary>
/// <param name="Remove">Members to take out of the role now, by ascending customer id.</param>
/// <param name="Add">Customers to put in the role now, by ascending customer id.</param>
/// <param name="Left">Changes beyond the bound, made on later runs.</param>
public sealed record RoleSyncPlan(IReadOnlyList<int> Remove, IReadOnlyList<int> Add, int Left)
{
    /// <summary>
    /// Removals come first: a synced role usually grants something (a discount, free shipping, hidden products), and
    /// a customer who no longer qualifies should lose it before new ones gain it when both cannot happen today.
    /// Ascending ids make the order the same each day, so a bounded backlog is worked off rather than reshuffled.
    /// </summary>
    public static RoleSyncPlan Create(IEnumerable<int> target, IEnumerable<int> current, int maxChanges)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChanges);

        var wanted = target.ToHashSet();
        var present = current.ToHashSet();
        var remove = present.Where(id => !wanted.Contains(id)).Order().ToList();
        var add = wanted.Where(id => !present.Contains(id)).Order().ToList();

        var removeNow = remove.Take(maxChanges).ToList();
        var addNow = add.Take(maxChanges - removeNow.Count).ToList();

        return new RoleSyncPlan(removeNow, addNow, remove.Count + add.Count - removeNow.Count - addNow.Count);
    }
}
