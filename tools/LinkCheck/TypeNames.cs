using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>
/// Canonical type names: namespace-qualified, nested types joined with '/', no assembly. The assembly is left out
/// on purpose: the runtime compares types after following forwarders (netstandard → System.Runtime), so two
/// signatures that name the same type from different reference assemblies must compare equal.
/// </summary>
public static class TypeNames
{
    public static string Join(string ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "." + name;

    public static string OfDefinition(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var definition = reader.GetTypeDefinition(handle);
        var name = reader.GetString(definition.Name);
        var declaring = definition.GetDeclaringType();
        return declaring.IsNil
            ? Join(reader.GetString(definition.Namespace), name)
            : OfDefinition(reader, declaring) + "/" + name;
    }

    public static string OfReference(MetadataReader reader, TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        return reference.ResolutionScope.Kind == HandleKind.TypeReference
            ? OfReference(reader, (TypeReferenceHandle)reference.ResolutionScope) + "/" + name
            : Join(reader.GetString(reference.Namespace), name);
    }

    /// <summary>Name of the assembly a type reference points into, or null when it points into its own module.</summary>
    public static string ScopeAssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    /// <summary>Canonical name of a TypeDef or TypeRef handle (TypeSpecs are decoded elsewhere).</summary>
    public static string Of(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => OfDefinition(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => OfReference(reader, (TypeReferenceHandle)handle),
        _ => throw new ArgumentException($"Not a TypeDef or TypeRef: {handle.Kind}", nameof(handle))
    };
}
