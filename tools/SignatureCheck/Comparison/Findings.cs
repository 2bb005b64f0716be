using Microsoft.CodeAnalysis;

namespace SignatureCheck.Comparison;

/// <summary>Collects mismatches, located at the surface declaration and pointing at the real one.</summary>
public sealed class Findings
{
    private readonly List<Mismatch> _mismatches = [];

    public IReadOnlyList<Mismatch> Mismatches => _mismatches;

    public void Add(Rule rule, ISymbol surface, ISymbol real, string what, string surfaceText, string realText)
    {
        var (file, line) = SymbolText.Location(surface);
        (string File, int Line)? realLocation = real == null ? null : SymbolText.Location(real);
        _mismatches.Add(new Mismatch(
            rule,
            file,
            line,
            SymbolText.Kind(surface),
            SymbolText.Name(surface),
            what,
            surfaceText,
            realText,
            realLocation is { Line: > 0 } found ? $"{found.File}:{found.Line}" : null));
    }

    /// <summary>Adds a mismatch when the two texts differ.</summary>
    public void Compare(Rule rule, ISymbol surface, ISymbol real, string what, string surfaceText, string realText)
    {
        if (!string.Equals(surfaceText, realText, StringComparison.Ordinal))
        {
            Add(rule, surface, real, what, surfaceText, realText);
        }
    }

    /// <summary>Adds a mismatch when the two types differ (see <see cref="TypeText.Matches"/>).</summary>
    public void Compare(Rule rule, ISymbol surface, ISymbol real, string what, TypeText surfaceType, TypeText realType)
    {
        if (!surfaceType.Matches(realType))
        {
            Add(rule, surface, real, what, surfaceType.Qualified, realType.Qualified);
        }
    }
}
