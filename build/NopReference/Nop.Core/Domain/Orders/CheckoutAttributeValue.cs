using Nop.Core.Domain.Attributes;

namespace Nop.Core.Domain.Orders;

public partial class CheckoutAttributeValue : BaseAttributeValue
{
}
