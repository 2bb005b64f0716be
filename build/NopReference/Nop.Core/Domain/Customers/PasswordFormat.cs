namespace Nop.Core.Domain.Customers;

public enum PasswordFormat
{
    Clear = 0,

    Hashed = 1,

    Encrypted = 2
}
