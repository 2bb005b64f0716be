using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>A type definition found in a known assembly, with the type arguments it is used with (empty when not generic).</summary>
public sealed record LocatedType(LoadedAssembly Assembly, TypeDefinitionHandle Handle, IReadOnlyList<string> Arguments)
{
    public MetadataReader Reader => Assembly.Reader;

    public TypeDefinition Definition => Reader.GetTypeDefinition(Handle);

    public GenericContext Context => new(Arguments);

    public string Name => TypeNames.OfDefinition(Reader, Handle);

    public string Display => Arguments.Count == 0 ? Name : Name + "<" + string.Join(",", Arguments) + ">";

    public bool IsInterface => (Definition.Attributes & System.Reflection.TypeAttributes.Interface) != 0;

    public bool IsAbstract => (Definition.Attributes & System.Reflection.TypeAttributes.Abstract) != 0;
}
