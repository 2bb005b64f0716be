using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

public sealed record RoleChoice(CustomerRole Role, RoleSafety Safety)
{
    public bool IsSafe => Safety == RoleSafety.Safe;
}
