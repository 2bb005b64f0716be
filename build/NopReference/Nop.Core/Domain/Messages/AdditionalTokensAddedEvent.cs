namespace Nop.Core.Domain.Messages;

public partial class AdditionalTokensAddedEvent
{
    public AdditionalTokensAddedEvent()
    {
        AdditionalTokens = new List<string>();
    }

    public virtual void AddTokens(params string[] additionalTokens) => throw new NotImplementedException();

    public IList<string> AdditionalTokens { get; }

    public IEnumerable<string> TokenGroups { get; set; }
}
