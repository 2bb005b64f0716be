using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The one record of e-mail sends: every plugin e-mail queued for a customer, whatever its kind, and (without a
/// customer) every shop message that carried a personal block. The shared frequency cap reads the latest per customer
/// (index on customer and time), the performance report counts a period's sends per kind (index on time and store),
/// the insights run counts each customer's sends of the last 90 days, and erasure deletes a customer's rows with the
/// rest of their data. The e-mail tasks run under one farm lock (<see cref="EmailSendLock"/>), so a read here and the
/// send that follows cannot interleave with another node's.
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

    /// <summary>Sends per kind in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], of one store or (0) all; kinds without a send are absent.</summary>
    public virtual async Task<IReadOnlyDictionary<EmailKind, int>> CountByKindAsync(int storeId, DateTime fromUtc, DateTime toUtc)
    {
        var counts = new Dictionary<EmailKind, int>();
        foreach (var kind in Enum.GetValues<EmailKind>())
        {
            var number = (int)kind;
            var sent = await _repository.GetAllPagedAsync(query => query.Where(send => send.SentOnUtc >= fromUtc && send.SentOnUtc <= toUtc
                && (storeId == 0 || send.StoreId == storeId) && send.Kind == number), getOnlyTotalCount: true);
            if (sent.TotalCount > 0)
                counts[kind] = sent.TotalCount;
        }

        return counts;
    }

    /// <summary>Rows past the event retention: the report and the profiles read no further back, and no cap reaches that far.</summary>
    public virtual Task<int> DeleteOlderThanAsync(DateTime cutoff) => _repository.DeleteAsync(send => send.SentOnUtc < cutoff);

    public static FrequencyCap Cap(PersonalizationSettings settings) =>
        new(TimeSpan.FromHours(Math.Clamp(settings.EmailFrequencyCapHours, 0, SettingsLimits.MAX_EMAIL_FREQUENCY_CAP_HOURS)));
}
