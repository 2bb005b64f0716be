namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The e-mails whose open this node already recorded, so a mail client that reloads the pixel each time the message is
/// shown adds one open event, not one per view. Bounded: when full it starts over (the report counts distinct e-mails,
/// so a second event after that is harmless).
/// </summary>
public sealed class EmailOpenMemory
{
    private readonly Lock _lock = new();
    private readonly HashSet<(int StoreId, int EmailId)> _opened = [];
    private readonly int _capacity;

    public EmailOpenMemory() : this(EmailTrackingDefaults.RememberedOpens)
    {
    }

    internal EmailOpenMemory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <returns>True the first time this node sees the e-mail opened.</returns>
    public bool FirstOpen(int storeId, int emailId)
    {
        lock (_lock)
        {
            if (_opened.Contains((storeId, emailId)))
                return false;
            if (_opened.Count >= _capacity)
                _opened.Clear();

            return _opened.Add((storeId, emailId));
        }
    }
}
