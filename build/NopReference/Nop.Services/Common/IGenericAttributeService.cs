using Nop.Core;
using Nop.Core.Domain.Common;

namespace Nop.Services.Common;

public partial interface IGenericAttributeService
{
    Task DeleteAttributeAsync(GenericAttribute attribute);

    Task DeleteAttributesAsync(IList<GenericAttribute> attributes);

    Task DeleteAttributesAsync<TEntity>(string key);

    Task InsertAttributeAsync(GenericAttribute attribute);

    Task UpdateAttributeAsync(GenericAttribute attribute);

    Task<IList<GenericAttribute>> GetAttributesForEntityAsync(int entityId, string keyGroup);

    Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0);

    Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default);

    Task<TPropType> GetAttributeAsync<TEntity, TPropType>(int entityId, string key, int storeId = 0, TPropType defaultValue = default)
        where TEntity : BaseEntity;
}
