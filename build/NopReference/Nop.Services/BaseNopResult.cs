namespace Nop.Services;

public abstract partial class BaseNopResult
{
    public bool Success => throw new NotImplementedException();

    public IList<string> Errors { get; set; }
}
