using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Reads, from the stored profiles, which customers are in some segments in any store.
/// </summary>
public class SegmentMemberReader
{
    public const int PAGE_SIZE = 10_000;

    private readonly IRepository<PersonalizationProfile> _profileRepository;

    public SegmentMemberReader(IRepository<PersonalizationProfile> profileRepository)
    {
        _profileRepository = profileRepository;
    }

    /// <returns>
    /// The customers of each wanted segment (every wanted id has a set, maybe empty), and how many profile rows exist
    /// at all (0 means the refresh stored none, not that the segments are empty).
    /// </returns>
    public virtual async Task<(IReadOnlyDictionary<int, HashSet<int>> Members, int Profiles)> ReadAsync(IReadOnlyCollection<int> segmentIds)
    {
        ArgumentNullException.ThrowIfNull(segmentIds);
        var members = segmentIds.Distinct().ToDictionary(id => id, _ => new HashSet<int>());
        var profiles = 0;
        var lastId = 0;
        while (true)
        {
            //id-ordered pages of the three columns needed; rows without segments count as profiles too
            var page = await _profileRepository.GetAllAsync(query => query
                .Where(profile => profile.Id > lastId)
                .OrderBy(profile => profile.Id)
                .Take(PAGE_SIZE)
                .Select(profile => new PersonalizationProfile { Id = profile.Id, CustomerId = profile.CustomerId, SegmentIds = profile.SegmentIds }));
            if (page.Count == 0)
                return (members, profiles);

            profiles += page.Count;
            foreach (var row in page)
            {
                foreach (var segmentId in ProfileSegmentIds.Parse(row.SegmentIds))
                {
                    if (members.TryGetValue(segmentId, out var customers))
                        customers.Add(row.CustomerId);
                }
            }

            lastId = page[^1].Id;
        }
    }
}
