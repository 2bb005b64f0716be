using Moq;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Tests.Replenishment;

/// <summary>
/// nopCommerce's message template service over a list (store mapping ignored: templates here are for all stores).
/// </summary>
public sealed class MessageTemplateTable
{
    public List<MessageTemplate> Rows { get; } = [];

    public Mock<IMessageTemplateService> Mock { get; } = new();

    public IMessageTemplateService Object => Mock.Object;

    public MessageTemplateTable()
    {
        Mock.Setup(s => s.GetMessageTemplatesByNameAsync(It.IsAny<string>(), It.IsAny<int?>()))
            .ReturnsAsync((string name, int? _) => Rows.Where(row => row.Name == name).ToList());
        Mock.Setup(s => s.InsertMessageTemplateAsync(It.IsAny<MessageTemplate>()))
            .Callback((MessageTemplate template) =>
            {
                template.Id = Rows.Count == 0 ? 1 : Rows.Max(row => row.Id) + 1;
                Rows.Add(template);
            })
            .Returns(Task.CompletedTask);
        Mock.Setup(s => s.DeleteMessageTemplateAsync(It.IsAny<MessageTemplate>()))
            .Callback((MessageTemplate template) => Rows.Remove(template))
            .Returns(Task.CompletedTask);
    }

    public ReplenishmentEmailTemplate Installer(int defaultEmailAccountId = 0) =>
        new(new EmailAccountSettings { DefaultEmailAccountId = defaultEmailAccountId }, Object);

    public Nop.Plugin.Misc.Personalization.Services.AbandonedCarts.AbandonedCartEmailTemplate CartInstaller(int defaultEmailAccountId = 0) =>
        new(new EmailAccountSettings { DefaultEmailAccountId = defaultEmailAccountId }, Object);
}
