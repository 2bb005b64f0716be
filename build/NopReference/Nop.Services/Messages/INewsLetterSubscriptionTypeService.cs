using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

public partial interface INewsLetterSubscriptionTypeService
{
    Task<NewsLetterSubscriptionType> GetNewsLetterSubscriptionTypeByIdAsync(int newsLetterSubscriptionTypeId);

    Task<IList<NewsLetterSubscriptionType>> GetAllNewsLetterSubscriptionTypesAsync(int storeId = 0);
}
