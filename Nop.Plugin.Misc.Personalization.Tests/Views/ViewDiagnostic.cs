namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// An error in a view, placed in the .cshtml file where possible.
/// </summary>
public sealed record ViewDiagnostic(string FilePath, int Line, string Id, string Message)
{
    public override string ToString() => $"{FilePath}({Line}): {Id} {Message}";
}
