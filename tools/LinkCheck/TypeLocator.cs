using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace LinkCheck;

/// <summary>Finds where a TypeDef/TypeRef/TypeSpec used by one assembly is defined: in that assembly or in the real set.</summary>
public sealed class TypeLocator
{
    private readonly AssemblySet _real;

    public TypeLocator(AssemblySet real) => _real = real;

    /// <summary>Null when the type lives outside the known assemblies or is not a named type (array, pointer, generic parameter).</summary>
    public LocatedType Locate(LoadedAssembly from, EntityHandle handle, GenericContext context)
    {
        var reader = from.Reader;
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return new LocatedType(from, (TypeDefinitionHandle)handle, []);
            case HandleKind.TypeReference:
                var referenceHandle = (TypeReferenceHandle)handle;
                var assemblyName = TypeNames.ScopeAssemblyOf(reader, referenceHandle);
                var fullName = TypeNames.OfReference(reader, referenceHandle);
                if (assemblyName == null)
                    return from.TryGetType(fullName, out var own) ? new LocatedType(from, own, []) : null;
                var resolution = _real.Resolve(assemblyName, fullName);
                return resolution.Kind == TypeResolutionKind.Found ? new LocatedType(resolution.Assembly, resolution.Handle, []) : null;
            case HandleKind.TypeSpecification:
                var (definition, arguments) = SplitInstantiation(reader, (TypeSpecificationHandle)handle, context);
                if (definition.IsNil)
                    return null;
                var located = Locate(from, definition, context);
                return located == null ? null : located with { Arguments = arguments };
            default:
                return null;
        }
    }

    /// <summary>The generic type definition and decoded arguments of a GenericInst TypeSpec; nil for other TypeSpecs.</summary>
    public static (EntityHandle Definition, IReadOnlyList<string> Arguments) SplitInstantiation(
        MetadataReader reader, TypeSpecificationHandle handle, GenericContext context)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            return (default, []);
        blob.ReadCompressedInteger();
        var definition = blob.ReadTypeHandle();
        var count = blob.ReadCompressedInteger();
        var decoder = new SignatureDecoder<string, GenericContext>(CanonicalTypeProvider.Instance, reader, context);
        var arguments = new string[count];
        for (var i = 0; i < count; i++)
            arguments[i] = decoder.DecodeType(ref blob);
        return (definition, arguments);
    }

    /// <summary>The base class of a located type, with the base's type arguments in terms of the derived type's context.</summary>
    public LocatedType BaseOf(LocatedType type)
    {
        var baseHandle = type.Definition.BaseType;
        return baseHandle.IsNil ? null : Locate(type.Assembly, baseHandle, type.Context);
    }

    public bool BaseIsUnknown(LocatedType type)
    {
        var baseHandle = type.Definition.BaseType;
        return !baseHandle.IsNil && Locate(type.Assembly, baseHandle, type.Context) == null
            && Signatures.DecodeType(type.Reader, baseHandle, type.Context) != "System.Object";
    }

    /// <summary>Interfaces listed on the type (the compiler lists the whole closure), located where possible.</summary>
    public IEnumerable<(string Name, LocatedType Located)> InterfacesOf(LocatedType type)
    {
        foreach (var implementationHandle in type.Definition.GetInterfaceImplementations())
        {
            var interfaceHandle = type.Reader.GetInterfaceImplementation(implementationHandle).Interface;
            yield return (Signatures.DecodeType(type.Reader, interfaceHandle, type.Context), Locate(type.Assembly, interfaceHandle, type.Context));
        }
    }
}
