using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Every plugin e-mail queued for a customer, whatever its kind, in one table: the shared frequency cap reads the latest
/// per customer. The e-mail tasks run under one farm lock (<see cref="EmailSendLock"/>), so a read here and the send
/// that follows cannot interleave with another node's.
/// </summary>
public class EmailSendLog
{
    public const int CUSTOMER_CHUNK = 1_000;

    private readonly IRepository<PersonalizationEmailSend> _repository;

    public EmailSendLog(IRepository<PersonalizationEmailSend> repository)
    {
        _repository = repository;
    }

    /// <returns>Each customer's latest plugin e-mail after <paramref name="since"/> (customers without one are absent).</returns>
    public virtual async Task<IReadOnlyDictionary<int, DateTime>> LastSentAsync(IReadOnlyCollection<int> customerIds, DateTime since)
    {
        var latest = new Dictionary<int, DateTime>();
        foreach (var chunk in customerIds.Distinct().Chunk(CUSTOMER_CHUNK))
        {
            var rows = await _repository.GetAllAsync(query => query
                .Where(send => send.SentOnUtc > since && chunk.Contains(send.CustomerId)));
            foreach (var row in rows)
            {
                if (!latest.TryGetValue(row.CustomerId, out var known) || row.SentOnUtc > known)
                    latest[row.CustomerId] = row.SentOnUtc;
            }
        }

        return latest;
    }

    public virtual Task RecordAsync(int customerId, int storeId, EmailKind kind, DateTime sentOnUtc) =>
        _repository.InsertAsync(new PersonalizationEmailSend { CustomerId = customerId, StoreId = storeId, Kind = (int)kind, SentOnUtc = sentOnUtc },
            publishEvent: false);

    /// <summary>Rows older than any cap can reach are of no use.</summary>
    public virtual Task<int> DeleteOlderThanAsync(DateTime cutoff) => _repository.DeleteAsync(send => send.SentOnUtc < cutoff);

    public static FrequencyCap Cap(PersonalizationSettings settings) =>
        new(TimeSpan.FromHours(Math.Clamp(settings.EmailFrequencyCapHours, 0, SettingsLimits.MAX_EMAIL_FREQUENCY_CAP_HOURS)));
}
