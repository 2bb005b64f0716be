namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// A segment rule the admin typed is not valid; the message says where and what was expected.
/// </summary>
public sealed class SegmentRuleException : FormatException
{
    public SegmentRuleException(SegmentRuleError error)
        : base(error.Message)
    {
        Error = error;
    }

    public SegmentRuleError Error { get; }
}

/// <param name="Position">1-based character position in the rule text where the problem starts.</param>
/// <param name="Expected">What the parser wanted there, in words.</param>
/// <param name="Found">What it found ("end of rule" at the end).</param>
public sealed record SegmentRuleError(int Position, string Expected, string Found)
{
    public string Message => $"Position {Position}: expected {Expected}, found {Found}.";
}
