using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>
/// The real assemblies references are checked against (a shop's bin, NuGet lib folders). When a name occurs twice the
/// highest version wins, as it would for the runtime's binder.
/// </summary>
public sealed class AssemblySet : IDisposable
{
    private const int MAX_FORWARDS = 8;

    private readonly Dictionary<string, LoadedAssembly> _byName = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<LoadedAssembly> Assemblies => _byName.Values;

    /// <summary>Each path is a .dll or a folder whose top-level *.dll files are read.</summary>
    public static AssemblySet Load(IEnumerable<string> paths)
    {
        var set = new AssemblySet();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.dll").Order(StringComparer.Ordinal))
                    set.Add(file);
            }
            else if (File.Exists(path))
            {
                set.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        return set;
    }

    public bool TryGet(string name, out LoadedAssembly assembly) => _byName.TryGetValue(name, out assembly);

    /// <summary>Finds a type by assembly name and canonical full name, following type forwarders inside the set.</summary>
    public TypeResolution Resolve(string assemblyName, string fullName)
    {
        for (var hop = 0; hop < MAX_FORWARDS; hop++)
        {
            if (!TryGet(assemblyName, out var assembly))
                return TypeResolution.OutsideSet(assemblyName);
            if (assembly.TryGetType(fullName, out var handle))
                return TypeResolution.Found(assembly, handle);
            var target = assembly.ForwardedTo(fullName);
            if (target == null)
                return TypeResolution.Missing(assembly);
            assemblyName = target;
        }

        return TypeResolution.OutsideSet(assemblyName);
    }

    /// <summary>Assemblies in the set that define a type of that name (to say where a misplaced type really lives).</summary>
    public IEnumerable<LoadedAssembly> DefinersOf(string fullName) =>
        _byName.Values.Where(assembly => assembly.TryGetType(fullName, out _));

    private void Add(string file)
    {
        var assembly = LoadedAssembly.TryOpen(file);
        if (assembly == null)
            return;
        if (_byName.TryGetValue(assembly.Name, out var existing))
        {
            if (existing.Version >= assembly.Version)
            {
                assembly.Dispose();
                return;
            }

            existing.Dispose();
        }

        _byName[assembly.Name] = assembly;
    }

    public void Dispose()
    {
        foreach (var assembly in _byName.Values)
            assembly.Dispose();
        _byName.Clear();
    }
}

public readonly record struct TypeResolution(TypeResolutionKind Kind, LoadedAssembly Assembly, TypeDefinitionHandle Handle, string AssemblyName)
{
    public static TypeResolution Found(LoadedAssembly assembly, TypeDefinitionHandle handle) =>
        new(TypeResolutionKind.Found, assembly, handle, assembly.Name);

    public static TypeResolution Missing(LoadedAssembly assembly) => new(TypeResolutionKind.Missing, assembly, default, assembly.Name);

    public static TypeResolution OutsideSet(string assemblyName) => new(TypeResolutionKind.OutsideSet, null, default, assemblyName);
}

public enum TypeResolutionKind
{
    Found,
    Missing,
    OutsideSet
}
