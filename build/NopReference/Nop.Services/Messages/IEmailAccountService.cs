using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

public partial interface IEmailAccountService
{
    Task InsertEmailAccountAsync(EmailAccount emailAccount);

    Task UpdateEmailAccountAsync(EmailAccount emailAccount);

    Task DeleteEmailAccountAsync(EmailAccount emailAccount);

    Task<EmailAccount> GetEmailAccountByIdAsync(int emailAccountId);

    Task<IList<EmailAccount>> GetAllEmailAccountsAsync();
}
