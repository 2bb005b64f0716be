using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LinkCheck;

/// <summary>One managed assembly opened for metadata reading, with its types indexed by canonical full name.</summary>
public sealed class LoadedAssembly : IDisposable
{
    private readonly PEReader _peReader;
    private readonly Dictionary<string, TypeDefinitionHandle> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _forwarders = new(StringComparer.Ordinal);

    private LoadedAssembly(string path, PEReader peReader, MetadataReader reader)
    {
        Path = path;
        _peReader = peReader;
        Reader = reader;
        var definition = reader.GetAssemblyDefinition();
        Name = reader.GetString(definition.Name);
        Version = definition.Version;
        PublicKeyToken = definition.PublicKey.IsNil ? "" : TokenOf(reader.GetBlobBytes(definition.PublicKey));
        foreach (var handle in reader.TypeDefinitions)
            _types[TypeNames.OfDefinition(reader, handle)] = handle;
        foreach (var handle in reader.ExportedTypes)
        {
            var exported = reader.GetExportedType(handle);
            if (exported.Implementation.Kind == HandleKind.AssemblyReference)
            {
                var target = reader.GetAssemblyReference((AssemblyReferenceHandle)exported.Implementation);
                _forwarders[TypeNames.Join(reader.GetString(exported.Namespace), reader.GetString(exported.Name))] = reader.GetString(target.Name);
            }
        }
    }

    public string Path { get; }

    public string Name { get; }

    public Version Version { get; }

    /// <summary>Lower-case hex, empty when the assembly has no public key.</summary>
    public string PublicKeyToken { get; }

    public MetadataReader Reader { get; }

    public IEnumerable<KeyValuePair<string, TypeDefinitionHandle>> Types => _types;

    /// <summary>Returns null when the file is not a managed assembly.</summary>
    public static LoadedAssembly TryOpen(string path)
    {
        var peReader = new PEReader(File.OpenRead(path));
        try
        {
            if (!peReader.HasMetadata)
            {
                peReader.Dispose();
                return null;
            }

            var reader = peReader.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                peReader.Dispose();
                return null;
            }

            return new LoadedAssembly(path, peReader, reader);
        }
        catch (BadImageFormatException)
        {
            peReader.Dispose();
            return null;
        }
    }

    public bool TryGetType(string fullName, out TypeDefinitionHandle handle) => _types.TryGetValue(fullName, out handle);

    /// <summary>Name of the assembly a top-level type is forwarded to, or null.</summary>
    public string ForwardedTo(string fullName)
    {
        var outer = fullName.Split('/')[0];
        return _forwarders.TryGetValue(outer, out var target) ? target : null;
    }

    public static string TokenOf(byte[] publicKeyOrToken)
    {
        if (publicKeyOrToken.Length == 0)
            return "";
        if (publicKeyOrToken.Length == 8)
            return Convert.ToHexString(publicKeyOrToken).ToLowerInvariant();
        var hash = SHA1.HashData(publicKeyOrToken);
        var token = hash[^8..];
        Array.Reverse(token);
        return Convert.ToHexString(token).ToLowerInvariant();
    }

    public override string ToString() => $"{Name}, Version={Version}";

    public void Dispose() => _peReader.Dispose();
}
