using Nop.Plugin.Misc.Personalization.Services.Locking;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// One farm-wide lock for every task that sends plugin e-mails, so the shared frequency cap is read and written by one
/// node and one task at a time.
/// </summary>
public class EmailSendLock
{
    public const string NAME = "Personalization.EmailSend";
    public static TimeSpan Expiry { get; } = TimeSpan.FromMinutes(10);

    private readonly IFarmLock _farmLock;

    public EmailSendLock(IFarmLock farmLock)
    {
        _farmLock = farmLock;
    }

    /// <returns>False when another task or node is sending (the run is skipped, the next one catches up).</returns>
    public virtual Task<bool> TryRunAsync(Func<Task> send) => _farmLock.TryRunAsync(NAME, Expiry, _ => send());
}
