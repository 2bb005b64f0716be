namespace Nop.Core.Domain.Messages;

public partial class CampaignAdditionalTokensAddedEvent : AdditionalTokensAddedEvent;
