using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Versioned model snapshots per store in the shop's database, the hand-over point between the training node and every
/// serving node. A payload is stored in parts of at most <see cref="PartBytes"/>, one row each, so no single value
/// outgrows a database's packet limit (MySQL's max_allowed_packet is 4 MB by default on 5.7, 16 MB on MariaDB).
/// </summary>
public class ModelSnapshotStore
{
    public const string RECOMMENDATIONS = "recommendations";
    public const int VERSIONS_KEPT = 3;
    public const int DEFAULT_PART_BYTES = 1024 * 1024;

    private readonly IRepository<PersonalizationModelSnapshot> _snapshotRepository;
    private readonly TimeProvider _timeProvider;

    public ModelSnapshotStore(IRepository<PersonalizationModelSnapshot> snapshotRepository, TimeProvider timeProvider)
    {
        _snapshotRepository = snapshotRepository;
        _timeProvider = timeProvider;
    }

    public int PartBytes { get; init; } = DEFAULT_PART_BYTES;

    /// <returns>The new version number.</returns>
    public async Task<int> SaveAsync(int storeId, string kind, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var versions = await VersionsAsync(storeId, kind);
        var version = versions.Count == 0 ? 1 : versions.Max() + 1;
        var createdOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var partCount = Math.Max(1, (payload.Length + PartBytes - 1) / PartBytes);

        //part 0 last: readers only see versions whose part 0 exists, so never a half-written one; one row per insert
        //keeps every statement below the packet limit. Another node saving the same version at the same time (nop's
        //lock is per node without a distributed cache) fails on the unique part index at its first clash; whoever
        //writes part 0 has written every part below its count, so a version is never a mix of two payloads.
        for (var part = partCount - 1; part >= 0; part--)
        {
            var start = part * PartBytes;
            await _snapshotRepository.InsertAsync(new PersonalizationModelSnapshot
            {
                StoreId = storeId,
                Kind = kind,
                Version = version,
                Part = part,
                PartCount = partCount,
                CreatedOnUtc = createdOnUtc,
                Payload = payload[start..Math.Min(payload.Length, start + PartBytes)]
            }, publishEvent: false);
        }

        //older versions go, including parts a failed save left behind
        var stale = versions.OrderDescending().Skip(VERSIONS_KEPT - 1).ToList();
        if (stale.Count > 0)
            await _snapshotRepository.DeleteAsync(snapshot => snapshot.StoreId == storeId && snapshot.Kind == kind && stale.Contains(snapshot.Version));

        return version;
    }

    /// <summary>
    /// The newest complete version per store, without payloads (cheap enough to poll).
    /// </summary>
    public async Task<IReadOnlyList<PersonalizationModelSnapshot>> NewestAsync(string kind)
    {
        var all = await _snapshotRepository.GetAllAsync(query => query
            .Where(snapshot => snapshot.Kind == kind && snapshot.Part == 0)
            .Select(snapshot => new PersonalizationModelSnapshot
            {
                Id = snapshot.Id,
                StoreId = snapshot.StoreId,
                Kind = snapshot.Kind,
                Version = snapshot.Version,
                PartCount = snapshot.PartCount,
                CreatedOnUtc = snapshot.CreatedOnUtc
            }));

        return all.GroupBy(snapshot => snapshot.StoreId)
            .Select(group => group.OrderByDescending(snapshot => snapshot.Version).First())
            .OrderBy(snapshot => snapshot.StoreId)
            .ToList();
    }

    /// <summary>
    /// The payload of a version found by <see cref="NewestAsync"/>, put together from its parts; null when a part is
    /// missing (the version was deleted meanwhile as stale). Parts beyond the count are a failed writer's leftovers.
    /// </summary>
    public async Task<byte[]> LoadPayloadAsync(PersonalizationModelSnapshot version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = await _snapshotRepository.GetAllAsync(query => query
            .Where(snapshot => snapshot.StoreId == version.StoreId && snapshot.Kind == version.Kind && snapshot.Version == version.Version
                && snapshot.Part < version.PartCount)
            .OrderBy(snapshot => snapshot.Part));

        if (parts.Count != version.PartCount || parts.Where((part, index) => part.Part != index || part.Payload == null).Any())
            return null;
        if (parts.Count == 1)
            return parts[0].Payload;

        var payload = new byte[parts.Sum(part => part.Payload.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Payload.CopyTo(payload, offset);
            offset += part.Payload.Length;
        }
        return payload;
    }

    private async Task<IReadOnlyList<int>> VersionsAsync(int storeId, string kind)
    {
        var rows = await _snapshotRepository.GetAllAsync(query => query
            .Where(snapshot => snapshot.StoreId == storeId && snapshot.Kind == kind)
            .Select(snapshot => new PersonalizationModelSnapshot { Id = snapshot.Id, Version = snapshot.Version }));

        return rows.Select(row => row.Version).Distinct().ToList();
    }
}
