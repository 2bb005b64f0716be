using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// What a view is compiled against in a shop: .NET and ASP.NET Core of the shop's version, nopCommerce, and the plugin
/// with what it references. Here nopCommerce is the compile surface.
/// </summary>
public static class ViewCompilationReferences
{
    private static readonly string[] _nopAssemblies = ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "Nop.Web"];

    public static IReadOnlyList<MetadataReference> Create()
    {
        var framework = PluginTargetingPacks.ReferenceAssemblies();
        var frameworkNames = framework.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var application = ApplicationAssemblies(frameworkNames);

        return framework.Concat(application)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    /// <summary>
    /// The plugin, the nopCommerce assemblies and everything they reference outside the frameworks, taken from the
    /// test's output folder.
    /// </summary>
    private static List<string> ApplicationAssemblies(HashSet<string> frameworkNames)
    {
        var binFolder = AppContext.BaseDirectory;
        var roots = _nopAssemblies.Append(typeof(PersonalizationPlugin).Assembly.GetName().Name).ToList();
        var pending = new Queue<string>(roots);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (found.ContainsKey(name) || frameworkNames.Contains(name))
                continue;

            var path = Path.Combine(binFolder, name + ".dll");
            if (!File.Exists(path))
                continue;

            found.Add(name, path);
            foreach (var referenced in ReferencedAssemblyNames(path))
                pending.Enqueue(referenced);
        }

        var missing = roots.Where(name => !found.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException($"Not in {binFolder}: {string.Join(", ", missing)}");

        return found.Values.ToList();
    }

    private static List<string> ReferencedAssemblyNames(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToList();
    }
}
