using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.CodeAnalysis;

namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// What a view is compiled against in a shop: the shared frameworks, nopCommerce and the plugin with what it references.
/// Here nopCommerce is the compile surface, and the frameworks are the ones this test runs on.
/// </summary>
public static class ViewCompilationReferences
{
    private static readonly string[] _nopAssemblies = ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "Nop.Web"];

    public static IReadOnlyList<MetadataReference> Create()
    {
        var framework = SharedFrameworkAssemblies();
        var frameworkNames = framework.Select(System.IO.Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var application = ApplicationAssemblies(frameworkNames);

        return framework.Concat(application)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    /// <summary>
    /// The .NET and ASP.NET Core assemblies this process may load (its trusted platform assemblies that live in the
    /// shared framework folders), leaving out the test's own packages such as NUnit or the Razor compiler.
    /// </summary>
    private static List<string> SharedFrameworkAssemblies()
    {
        var frameworkFolders = new[] { typeof(object), typeof(Controller) }
            .Select(type => System.IO.Path.GetDirectoryName(type.Assembly.Location))
            .ToHashSet(StringComparer.Ordinal);
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

        return trusted
            .Where(path => frameworkFolders.Contains(System.IO.Path.GetDirectoryName(path)))
            .ToList();
    }

    /// <summary>
    /// The plugin, the nopCommerce assemblies and everything they reference that is not part of the shared framework,
    /// taken from the test's output folder.
    /// </summary>
    private static List<string> ApplicationAssemblies(HashSet<string> frameworkNames)
    {
        var binFolder = AppContext.BaseDirectory;
        var pending = new Queue<string>(_nopAssemblies.Append(typeof(PersonalizationPlugin).Assembly.GetName().Name));
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (found.ContainsKey(name) || frameworkNames.Contains(name))
                continue;

            var path = System.IO.Path.Combine(binFolder, name + ".dll");
            if (!File.Exists(path))
                continue;

            found.Add(name, path);
            foreach (var referenced in ReferencedAssemblyNames(path))
                pending.Enqueue(referenced);
        }

        foreach (var name in _nopAssemblies.Append(typeof(PersonalizationPlugin).Assembly.GetName().Name))
        {
            if (!found.ContainsKey(name))
                throw new FileNotFoundException($"{name}.dll is not in {binFolder}");
        }

        return found.Values.ToList();
    }

    private static IEnumerable<string> ReferencedAssemblyNames(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToList();
    }
}
