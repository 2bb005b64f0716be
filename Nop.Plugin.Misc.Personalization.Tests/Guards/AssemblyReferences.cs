using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>Reads an assembly's references from metadata, without loading it.</summary>
public static class AssemblyReferences
{
    public static IReadOnlyList<AssemblyName> Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }

    public static IReadOnlyList<AssemblyName> Of(Stream image)
    {
        using var peReader = new PEReader(image, PEStreamOptions.LeaveOpen);
        var reader = peReader.GetMetadataReader();
        return reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToList();
    }
}
