using System.Reflection;
using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>Finds methods and fields declared on one type definition by name and canonical signature.</summary>
public static class MemberLookup
{
    public static IEnumerable<MethodDefinitionHandle> MethodsNamed(LocatedType type, string name) =>
        type.Definition.GetMethods().Where(handle => type.Reader.StringComparer.Equals(type.Reader.GetMethodDefinition(handle).Name, name));

    public static MethodDefinitionHandle? FindMethod(LocatedType type, string name, string signature, GenericContext context) =>
        MethodsNamed(type, name)
            .Select(handle => (MethodDefinitionHandle?)handle)
            .FirstOrDefault(handle => Signatures.OfMethod(type.Reader, handle.Value, context) == signature);

    public static FieldDefinitionHandle? FindField(LocatedType type, string name, string signature, GenericContext context) =>
        type.Definition.GetFields()
            .Where(handle => type.Reader.StringComparer.Equals(type.Reader.GetFieldDefinition(handle).Name, name))
            .Select(handle => (FieldDefinitionHandle?)handle)
            .FirstOrDefault(handle => Signatures.OfField(type.Reader, handle.Value, context) == signature);

    /// <summary>Signatures of the same-named methods, to show what the real type offers instead.</summary>
    public static IReadOnlyList<string> CandidateSignatures(LocatedType type, string name) =>
        MethodsNamed(type, name).Select(handle => Signatures.OfMethod(type.Reader, handle, GenericContext.Open)).ToList();

    public static bool IsAccessibleFromOutside(MethodAttributes attributes)
    {
        var access = attributes & MethodAttributes.MemberAccessMask;
        return access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
    }

    public static bool IsAccessibleFromOutside(FieldAttributes attributes)
    {
        var access = attributes & FieldAttributes.FieldAccessMask;
        return access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem;
    }

    public static string AccessOf(MethodAttributes attributes) => (attributes & MethodAttributes.MemberAccessMask) switch
    {
        MethodAttributes.Public => "public",
        MethodAttributes.Family => "protected",
        MethodAttributes.FamORAssem => "protected internal",
        MethodAttributes.FamANDAssem => "private protected",
        MethodAttributes.Assembly => "internal",
        _ => "private"
    };
}
