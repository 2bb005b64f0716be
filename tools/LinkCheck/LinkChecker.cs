namespace LinkCheck;

/// <summary>Runs every check the options ask for and returns what it found.</summary>
public static class LinkChecker
{
    public static LinkReport Run(LinkCheckOptions options)
    {
        var report = new LinkReport();
        using var real = AssemblySet.Load(options.RealPaths);
        if (!real.Assemblies.Any(assembly => options.IsInScope(assembly.Name)))
            report.Fail("(options)", "--real", "no real assembly in scope was found in the given paths");
        var references = new ReferenceChecker(real, name => options.IsInScope(name), report);
        foreach (var path in options.Assemblies)
        {
            using var consumer = Open(path);
            references.Check(consumer);
        }

        var facades = new FacadeChecker(real, report);
        foreach (var path in options.Facades)
        {
            using var facade = Open(path);
            facades.Check(facade);
        }

        return report;
    }

    private static LoadedAssembly Open(string path) =>
        LoadedAssembly.TryOpen(path) ?? throw new BadImageFormatException($"Not a managed assembly: {path}", path);
}
