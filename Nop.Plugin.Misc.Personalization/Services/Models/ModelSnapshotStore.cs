using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Versioned model snapshots per store in the shop's database, the hand-over point between the training node and every
/// serving node.
/// </summary>
public class ModelSnapshotStore
{
    public const string RECOMMENDATIONS = "recommendations";
    public const int VERSIONS_KEPT = 3;

    private readonly IRepository<PersonalizationModelSnapshot> _snapshotRepository;
    private readonly TimeProvider _timeProvider;

    public ModelSnapshotStore(IRepository<PersonalizationModelSnapshot> snapshotRepository, TimeProvider timeProvider)
    {
        _snapshotRepository = snapshotRepository;
        _timeProvider = timeProvider;
    }

    /// <returns>The new version number.</returns>
    public async Task<int> SaveAsync(int storeId, string kind, byte[] payload)
    {
        var versions = await VersionsAsync(storeId, kind);
        var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;

        await _snapshotRepository.InsertAsync(new PersonalizationModelSnapshot
        {
            StoreId = storeId,
            Kind = kind,
            Version = version,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime,
            Payload = payload
        }, publishEvent: false);

        var stale = versions.OrderByDescending(v => v.Version).Skip(VERSIONS_KEPT - 1).Select(v => v.Id).ToList();
        if (stale.Count > 0)
            await _snapshotRepository.DeleteAsync(snapshot => stale.Contains(snapshot.Id));

        return version;
    }

    /// <summary>
    /// The newest version per store, without payloads (cheap enough to poll).
    /// </summary>
    public async Task<IReadOnlyList<PersonalizationModelSnapshot>> NewestAsync(string kind)
    {
        var all = await _snapshotRepository.GetAllAsync(query => query
            .Where(snapshot => snapshot.Kind == kind)
            .Select(snapshot => new PersonalizationModelSnapshot { Id = snapshot.Id, StoreId = snapshot.StoreId, Kind = snapshot.Kind, Version = snapshot.Version, CreatedOnUtc = snapshot.CreatedOnUtc }));

        return all.GroupBy(snapshot => snapshot.StoreId)
            .Select(group => group.OrderByDescending(snapshot => snapshot.Version).First())
            .OrderBy(snapshot => snapshot.StoreId)
            .ToList();
    }

    public Task<PersonalizationModelSnapshot> LoadAsync(int snapshotId) => _snapshotRepository.GetByIdAsync(snapshotId);

    private Task<IList<PersonalizationModelSnapshot>> VersionsAsync(int storeId, string kind) =>
        _snapshotRepository.GetAllAsync(query => query
            .Where(snapshot => snapshot.StoreId == storeId && snapshot.Kind == kind)
            .Select(snapshot => new PersonalizationModelSnapshot { Id = snapshot.Id, StoreId = snapshot.StoreId, Kind = snapshot.Kind, Version = snapshot.Version }));
}
