using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Locking;

/// <summary>
/// Takes, renews and gives back lock rows in Personalization_Lock with single statements only, since nopCommerce's
/// repository offers no transaction: the unique index on the name refuses a second holder's insert, a conditional delete
/// removes a row only if it has expired, and a holder touches nothing but its own row, found by id (ids are never
/// reused, so a row inserted by a node that took over is never the old holder's).
/// </summary>
public sealed class LockRows
{
    private readonly IRepository<PersonalizationLock> _locks;
    private readonly IShopLog _log;
    private readonly TimeProvider _timeProvider;

    public LockRows(IRepository<PersonalizationLock> locks, IShopLog shopLog, TimeProvider timeProvider)
    {
        _locks = locks;
        _log = shopLog;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The row now held, or null when another holder has an unexpired row for the name. Throws when the database
    /// refuses the insert for another reason (no row holds the name, yet the insert failed).
    /// </summary>
    public async Task<PersonalizationLock> TryTakeAsync(string name, TimeSpan expiry)
    {
        try
        {
            return await InsertAsync(name, expiry);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //the unique index, most likely: the name is held, or was by a node that stopped without giving it back
        }

        var now = UtcNow;
        var expired = 0;
        try
        {
            expired = await _locks.DeleteAsync(row => row.Name == name && row.ExpiresOnUtc < now);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //nopCommerce deletes inside a serializable transaction scope: when two nodes delete the same expired row at
            //once, the database refuses one of them (PostgreSQL 40001, a SQL Server deadlock victim). The insert below
            //settles who holds the lock; a database that is really failing fails it too.
        }

        try
        {
            var taken = await InsertAsync(name, expiry);
            if (expired > 0)
                _log.Information($"took over the lock {name}, which expired while another node held it.");
            return taken;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (await IsHeldAsync(name))
                return null;

            //nothing holds the name, so the unique index did not refuse this insert: a real database failure
            throw;
        }
    }

    /// <summary>
    /// Extends the holder's own row; false when it is gone, i.e. another node took the lock over after it expired.
    /// </summary>
    public async Task<bool> RenewAsync(PersonalizationLock held, TimeSpan expiry)
    {
        ArgumentNullException.ThrowIfNull(held);

        held.ExpiresOnUtc = UtcNow + expiry;
        //updates by id: a row that is gone stays gone
        await _locks.UpdateAsync(held, publishEvent: false);
        var stored = await _locks.GetByIdAsync(held.Id);

        return stored != null && stored.Holder == held.Holder;
    }

    /// <summary>
    /// Deletes the holder's own row, by id; a row another node took over is left alone.
    /// </summary>
    public async Task ReleaseAsync(PersonalizationLock held)
    {
        ArgumentNullException.ThrowIfNull(held);

        var id = held.Id;
        await _locks.DeleteAsync(row => row.Id == id);
    }

    private async Task<PersonalizationLock> InsertAsync(string name, TimeSpan expiry)
    {
        var now = UtcNow;
        var row = new PersonalizationLock { Name = name, Holder = NewHolder(), AcquiredOnUtc = now, ExpiresOnUtc = now + expiry };
        await _locks.InsertAsync(row, publishEvent: false);

        return row;
    }

    private async Task<bool> IsHeldAsync(string name)
    {
        var rows = await _locks.GetAllAsync(query => query.Where(row => row.Name == name).Take(1));
        return rows.Count > 0;
    }

    private DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Which node holds the lock, for whoever reads the table; unique per acquisition.
    /// </summary>
    private static string NewHolder()
    {
        var node = Environment.MachineName;
        if (node.Length > 150)
            node = node[..150];

        return $"{node}/{Guid.NewGuid():N}";
    }
}
