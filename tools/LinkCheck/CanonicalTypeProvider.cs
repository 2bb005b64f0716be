using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>
/// Decodes signatures into canonical strings, so a signature read from the plugin and one read from the real
/// assembly can be compared as text: generic parameters stay positional (!0, !!0) unless a context substitutes
/// the type's arguments, by-ref is '&amp;', arrays '[]' / '[,]', instantiations 'Name`1&lt;arg&gt;'.
/// </summary>
public sealed class CanonicalTypeProvider : ISignatureTypeProvider<string, GenericContext>
{
    public static readonly CanonicalTypeProvider Instance = new();

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        TypeNames.OfDefinition(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        TypeNames.OfReference(reader, handle);

    public string GetTypeFromSpecification(MetadataReader reader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericTypeParameter(GenericContext genericContext, int index) => genericContext.TypeArgument(index);

    public string GetGenericMethodParameter(GenericContext genericContext, int index) => "!!" + index;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Signatures.Format(signature);
}

/// <summary>Type arguments substituted for !0, !1… while decoding; empty keeps them positional.</summary>
public sealed class GenericContext
{
    public static readonly GenericContext Open = new([]);

    private readonly IReadOnlyList<string> _typeArguments;

    public GenericContext(IReadOnlyList<string> typeArguments) => _typeArguments = typeArguments;

    public bool IsOpen => _typeArguments.Count == 0;

    public string TypeArgument(int index) => index < _typeArguments.Count ? _typeArguments[index] : "!" + index;
}
