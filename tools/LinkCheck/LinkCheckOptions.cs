namespace LinkCheck;

public sealed class LinkCheckOptions
{
    /// <summary>Compiled assemblies whose references are checked (the plugin dll).</summary>
    public List<string> Assemblies { get; } = [];

    /// <summary>Folders (top-level *.dll) or files of the real assemblies: a shop's bin, NuGet lib folders.</summary>
    public List<string> RealPaths { get; } = [];

    /// <summary>Compile-only surface assemblies to compare with the real ones of the same name.</summary>
    public List<string> Facades { get; } = [];

    /// <summary>Assembly-name prefixes to check references into; empty checks every real assembly given.</summary>
    public List<string> Only { get; } = [];

    public bool IsInScope(string assemblyName) =>
        Only.Count == 0 || Only.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses `assembly.dll... --real PATH... [--facade DLL...] [--only PREFIX...]`; null when the arguments are unusable.</summary>
    public static LinkCheckOptions Parse(IReadOnlyList<string> args, out string error)
    {
        var options = new LinkCheckOptions();
        var target = options.Assemblies;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--real" or "-r":
                    target = options.RealPaths;
                    break;
                case "--facade" or "-f":
                    target = options.Facades;
                    break;
                case "--only" or "-o":
                    target = options.Only;
                    break;
                case "--check" or "-c":
                    target = options.Assemblies;
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        error = $"unknown option {arg}";
                        return null;
                    }

                    target.Add(arg);
                    break;
            }
        }

        error = options.RealPaths.Count == 0 ? "no --real folder or assembly given"
            : options.Assemblies.Count + options.Facades.Count == 0 ? "nothing to check: give an assembly or a --facade"
            : null;
        return error == null ? options : null;
    }
}
