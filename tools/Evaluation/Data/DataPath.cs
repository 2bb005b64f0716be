namespace Evaluation.Data;

/// <summary>
/// Finds the data file: an explicit path relative to the current directory, else the default location relative to the
/// repository root (the first ancestor of the current directory or of the tool's binaries that holds the solution).
/// </summary>
public static class DataPath
{
    public const string DEFAULT_RELATIVE = "../shared/data/online_retail/online_retail.csv.gz";

    public static string Resolve(string given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            var full = Path.GetFullPath(given);
            if (File.Exists(full))
                return full;
            foreach (var root in Roots())
            {
                var candidate = Path.GetFullPath(Path.Combine(root, given));
                if (File.Exists(candidate))
                    return candidate;
            }
            throw new FileNotFoundException($"Data file not found: {given}");
        }

        foreach (var root in Roots())
        {
            var candidate = Path.GetFullPath(Path.Combine(root, DEFAULT_RELATIVE));
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"Data file not found at {DEFAULT_RELATIVE} relative to the repository root; pass --data PATH");
    }

    private static IEnumerable<string> Roots()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (dir.GetFiles("*.slnx").Length > 0 || dir.GetFiles("*.sln").Length > 0)
                    yield return dir.FullName;
            }
        }
    }
}
