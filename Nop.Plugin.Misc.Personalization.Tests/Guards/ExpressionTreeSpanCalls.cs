using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// Finds expression trees (LINQ queries) that call span methods. C# 14 binds <c>array.Contains(x)</c> to
/// <c>MemoryExtensions.Contains(ReadOnlySpan…)</c>, even inside a query, and the linq2db 5.4.1 of a 4.90.6 shop cannot
/// translate that. A compiler builds an expression tree's method calls from <c>ldtoken</c> of the method, so any
/// <c>ldtoken</c> of a MemoryExtensions or span member in a method body is such a call.
/// </summary>
public static class ExpressionTreeSpanCalls
{
    private static readonly string[] _spanTypes = ["MemoryExtensions", "ReadOnlySpan`1", "Span`1"];

    private static readonly Dictionary<ushort, OpCode> _opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null))
        .ToDictionary(code => unchecked((ushort)code.Value));

    public static IReadOnlyList<string> In(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        var found = new List<string>();

        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                    continue;

                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes();
                foreach (var token in LoadedTokens(il))
                {
                    var called = SpanMember(metadata, MetadataTokens.EntityHandle(token));
                    if (called != null)
                        found.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}.{metadata.GetString(method.Name)} → {called}");
                }
            }
        }

        return found;
    }

    public static IReadOnlyList<string> In(string path) => In(File.ReadAllBytes(path));

    private static IEnumerable<int> LoadedTokens(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            ushort value = il[position];
            if (value == 0xFE)
                value = (ushort)(0xFE00 | il[position + 1]);
            var code = _opCodes[value];
            position += code.Size;

            if (code == OpCodes.Ldtoken)
                yield return BitConverter.ToInt32(il, position);

            position += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
                _ => 4
            };
        }
    }

    private static string SpanMember(MetadataReader metadata, EntityHandle handle)
    {
        if (handle.Kind == HandleKind.MethodSpecification)
            handle = metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method;

        if (handle.Kind != HandleKind.MemberReference)
            return null;

        var member = metadata.GetMemberReference((MemberReferenceHandle)handle);
        var parent = member.Parent;
        if (parent.Kind == HandleKind.TypeSpecification)
            parent = GenericTypeOf(metadata, (TypeSpecificationHandle)parent);
        if (parent.Kind != HandleKind.TypeReference)
            return null;

        var typeName = metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name);
        return _spanTypes.Contains(typeName) ? $"{typeName}.{metadata.GetString(member.Name)}" : null;
    }

    //a member of ReadOnlySpan<T> is referenced through the type specification ReadOnlySpan<T>
    private static EntityHandle GenericTypeOf(MetadataReader metadata, TypeSpecificationHandle specification)
    {
        var blob = metadata.GetBlobReader(metadata.GetTypeSpecification(specification).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            return default;

        blob.ReadSignatureTypeCode();
        return blob.ReadTypeHandle();
    }
}
