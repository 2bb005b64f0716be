using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A customer erased under the GDPR (nopCommerce keeps the row, marked deleted) or deleted by the admin (a soft
/// delete, published as the entity's deletion) loses everything the plugin holds on them. The erasure runs in the
/// admin's request: it is a few indexed, batched deletes and its log row must be written before the admin is told it
/// is done; a background queue would lose it on a restart. nopCommerce logs a consumer's failure and goes on, and the
/// daily sweep then deletes the rows of the deleted customer.
/// </summary>
public class CustomerErasureConsumer : IConsumer<CustomerPermanentlyDeleted>, IConsumer<EntityDeletedEvent<Customer>>
{
    private readonly CustomerDataEraser _eraser;

    public CustomerErasureConsumer(CustomerDataEraser eraser)
    {
        _eraser = eraser;
    }

    public Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage) => _eraser.EraseAsync(eventMessage.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<Customer> eventMessage) => _eraser.EraseAsync(eventMessage.Entity.Id);
}
