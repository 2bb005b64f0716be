using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Reads segment memberships from the stored profiles.
/// </summary>
public class SegmentMembershipReader
{
    private readonly IRepository<PersonalizationProfile> _profileRepository;

    public SegmentMembershipReader(IRepository<PersonalizationProfile> profileRepository)
    {
        _profileRepository = profileRepository;
    }

    /// <summary>
    /// What tells a node that training stored new memberships, in one primary-key lookup. Not the
    /// <c>PersonalizationInsightsState</c> setting: nopCommerce caches all settings per node, so without a distributed
    /// cache the other nodes would see the training node's save only when their cache expires. A refresh replaces a
    /// store's rows with a delete and an insert, so the newest row changes: its id grows where the database numbers
    /// rows by sequence, and where nopCommerce numbers a bulk insert from the table's current maximum (ids can come
    /// back after a delete) its computation time still differs.
    /// </summary>
    public virtual async Task<MembershipStamp> ReadStampAsync()
    {
        var newest = await _profileRepository.GetAllAsync(query => query
            .OrderByDescending(profile => profile.Id)
            .Take(1)
            .Select(profile => new PersonalizationProfile { Id = profile.Id, LastComputedOnUtc = profile.LastComputedOnUtc }));

        return newest.Count == 0 ? MembershipStamp.None : new MembershipStamp(newest[0].Id, newest[0].LastComputedOnUtc);
    }

    /// <summary>
    /// Every customer in at least one segment, in id-ordered pages of four columns, up to <paramref name="maxCustomers"/>.
    /// </summary>
    /// <returns>The set, and whether customers were left out because the limit was reached.</returns>
    public virtual async Task<(SegmentMembershipSet Memberships, bool Truncated)> ReadAsync(int maxCustomers, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var builder = new SegmentMembershipBuilder();
        var lastId = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _profileRepository.GetAllAsync(query => query
                .Where(profile => profile.Id > lastId && profile.SegmentIds != null)
                .OrderBy(profile => profile.Id)
                .Take(pageSize)
                .Select(profile => new PersonalizationProfile
                {
                    Id = profile.Id,
                    StoreId = profile.StoreId,
                    CustomerId = profile.CustomerId,
                    SegmentIds = profile.SegmentIds
                }));
            if (page.Count == 0)
                return (builder.Build(), false);

            foreach (var row in page)
            {
                if (builder.Customers >= maxCustomers)
                    return (builder.Build(), true);
                builder.Add(row.StoreId, row.CustomerId, row.SegmentIds);
            }

            lastId = page[^1].Id;
        }
    }
}
