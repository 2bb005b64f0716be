using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>Decodes member signatures to the canonical text the checks compare.</summary>
public static class Signatures
{
    public static string Format(MethodSignature<string> signature) =>
        (signature.Header.IsInstance ? "instance " : "static ")
        + signature.ReturnType
        + (signature.GenericParameterCount > 0 ? "<" + signature.GenericParameterCount + ">" : "")
        + "(" + string.Join(", ", signature.ParameterTypes) + ")";

    public static string OfMethod(MetadataReader reader, MethodDefinitionHandle handle, GenericContext context) =>
        Format(reader.GetMethodDefinition(handle).DecodeSignature(CanonicalTypeProvider.Instance, context));

    public static string OfField(MetadataReader reader, FieldDefinitionHandle handle, GenericContext context) =>
        reader.GetFieldDefinition(handle).DecodeSignature(CanonicalTypeProvider.Instance, context);

    public static string OfMemberReference(MetadataReader reader, MemberReference reference) =>
        reference.GetKind() == MemberReferenceKind.Method
            ? Format(reference.DecodeMethodSignature(CanonicalTypeProvider.Instance, GenericContext.Open))
            : reference.DecodeFieldSignature(CanonicalTypeProvider.Instance, GenericContext.Open);

    public static string DecodeType(MetadataReader reader, EntityHandle handle, GenericContext context) => handle.Kind switch
    {
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(CanonicalTypeProvider.Instance, context),
        _ => TypeNames.Of(reader, handle)
    };
}
