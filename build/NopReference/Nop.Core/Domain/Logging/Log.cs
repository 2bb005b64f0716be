namespace Nop.Core.Domain.Logging;

public partial class Log : BaseEntity
{
}
