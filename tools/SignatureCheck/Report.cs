using SignatureCheck.Comparison;

namespace SignatureCheck;

/// <summary>Writes mismatches as `file:line: kind symbol: what (surface: X, real: Y)` lines and a summary.</summary>
public static class Report
{
    public static void Write(CheckResult result, TextWriter output)
    {
        var ordered = result.Mismatches
            .OrderBy(m => m.File, StringComparer.Ordinal)
            .ThenBy(m => m.Line)
            .ThenBy(m => m.Symbol, StringComparer.Ordinal);
        foreach (var mismatch in ordered)
        {
            output.WriteLine(Line(mismatch));
        }

        if (result.Mismatches.Count > 0)
        {
            output.WriteLine();
            var byRule = result.Mismatches.GroupBy(m => m.Rule).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            output.WriteLine("By rule: " + string.Join(", ", byRule));
        }

        output.WriteLine($"{result.Mismatches.Count} mismatch(es); {result.TypesChecked} surface type(s), {result.MembersChecked} member(s) checked "
            + $"against framework references in {result.Framework}.");
    }

    public static string Line(Mismatch mismatch)
    {
        var realAt = mismatch.RealLocation == null ? string.Empty : $" [real at {Relative(mismatch.RealLocation)}]";
        return $"{Relative(mismatch.File)}:{mismatch.Line}: {mismatch.Kind} {mismatch.Symbol}: {mismatch.What} "
            + $"(surface: {mismatch.Surface}, real: {mismatch.Real}){realAt}";
    }

    private static string Relative(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
