namespace SignatureCheck.Comparison;

/// <summary>One difference between a surface declaration and the real one.</summary>
/// <param name="File">Surface file of the declaration.</param>
/// <param name="Line">1-based line in <paramref name="File"/>.</param>
/// <param name="Kind">Declaration kind: class, interface, method, property, ...</param>
/// <param name="Symbol">Fully qualified name of the surface declaration.</param>
/// <param name="What">What differs, in words.</param>
/// <param name="RealLocation">Where the real declaration is (file:line), when known.</param>
public sealed record Mismatch(
    Rule Rule,
    string File,
    int Line,
    string Kind,
    string Symbol,
    string What,
    string Surface,
    string Real,
    string RealLocation);
