using System.Reflection;
using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>
/// Checks a compile-only surface against the real assembly of the same name: every visible type exists there
/// (same namespace, same assembly), with the same base type, interface list and generic constraints; every visible
/// member the surface declares exists on the same real type with the same signature and access; a real abstract
/// member is abstract (present) in the surface, and nothing is overridable in the surface that is not in reality.
/// </summary>
public sealed class FacadeChecker
{
    private readonly AssemblySet _real;
    private readonly LinkReport _report;

    public FacadeChecker(AssemblySet real, LinkReport report)
    {
        _real = real;
        _report = report;
    }

    public void Check(LoadedAssembly facade)
    {
        if (!_real.TryGet(facade.Name, out var real))
        {
            _report.Fail(facade.Name, "assembly", "no real assembly of that name was given");
            return;
        }

        if (facade.Version > real.Version)
            _report.Fail(facade.Name, $"version {facade.Version}", $"is higher than the real {real.Version}: references to it would not bind");
        if (facade.PublicKeyToken != real.PublicKeyToken)
            _report.Fail(facade.Name, $"public key token '{facade.PublicKeyToken}'", $"the real assembly has '{real.PublicKeyToken}'");

        foreach (var (name, handle) in facade.Types)
        {
            var surface = new LocatedType(facade, handle, []);
            if (!IsVisible(surface))
                continue;
            _report.Count("surface types");
            var resolution = _real.Resolve(facade.Name, name);
            if (resolution.Kind != TypeResolutionKind.Found)
            {
                var definers = _real.DefinersOf(name).Select(assembly => assembly.Name).ToList();
                var where = definers.Count > 0 ? $" (it is defined in {string.Join(", ", definers)})" : "";
                _report.Fail(facade.Name, $"type {name}", $"not defined in real {resolution.AssemblyName}{where}");
                continue;
            }

            CheckType(surface, new LocatedType(resolution.Assembly, resolution.Handle, []));
        }
    }

    private void CheckType(LocatedType surface, LocatedType real)
    {
        var subject = $"type {surface.Name}";
        if (surface.IsInterface != real.IsInterface)
            _report.Fail(surface.Assembly.Name, subject, real.IsInterface ? "is an interface in reality" : "is not an interface in reality");
        var sealedMask = TypeAttributes.Sealed;
        if ((surface.Definition.Attributes & sealedMask) == 0 && (real.Definition.Attributes & sealedMask) != 0)
            _report.Fail(surface.Assembly.Name, subject, "is sealed in reality, not in the surface");

        CompareText(subject, "base type", BaseTypeOf(surface), BaseTypeOf(real), surface.Assembly.Name);
        CompareText(subject, "interfaces", InterfacesOf(surface), InterfacesOf(real), surface.Assembly.Name);
        CompareText(subject, "generic constraints", ConstraintsOf(surface), ConstraintsOf(real), surface.Assembly.Name);

        foreach (var method in surface.Definition.GetMethods())
            CheckMethod(surface, real, method);
        foreach (var field in surface.Definition.GetFields())
            CheckField(surface, real, field);
        if (!real.IsInterface)
            CheckRealAbstractMembersPresent(surface, real);
    }

    private void CheckMethod(LocatedType surface, LocatedType real, MethodDefinitionHandle handle)
    {
        var definition = surface.Reader.GetMethodDefinition(handle);
        if (!MemberLookup.IsAccessibleFromOutside(definition.Attributes))
            return;
        _report.Count("surface members");
        var name = surface.Reader.GetString(definition.Name);
        var signature = Signatures.OfMethod(surface.Reader, handle, GenericContext.Open);
        var subject = $"{surface.Name}::{name} {signature}";
        var found = MemberLookup.FindMethod(real, name, signature, GenericContext.Open);
        if (found == null)
        {
            var candidates = MemberLookup.CandidateSignatures(real, name);
            var hint = candidates.Count > 0 ? $"; real overloads: {string.Join(" | ", candidates)}" : "; no member of that name on the real type (declared on another type?)";
            _report.Fail(surface.Assembly.Name, subject, $"not declared on the real {real.Name}{hint}");
            return;
        }

        var realAttributes = real.Reader.GetMethodDefinition(found.Value).Attributes;
        var surfaceAccess = MemberLookup.AccessOf(definition.Attributes);
        var realAccess = MemberLookup.AccessOf(realAttributes);
        if (surfaceAccess != realAccess)
            _report.Fail(surface.Assembly.Name, subject, $"is {surfaceAccess} in the surface but {realAccess} in reality");
        if (IsAbstract(realAttributes) && !IsAbstract(definition.Attributes))
            _report.Fail(surface.Assembly.Name, subject, "is abstract in reality: a derived plugin type must override it");
        if (IsOverridable(definition.Attributes) && !IsOverridable(realAttributes))
            _report.Fail(surface.Assembly.Name, subject, "is overridable in the surface but not in reality");
    }

    private void CheckField(LocatedType surface, LocatedType real, FieldDefinitionHandle handle)
    {
        var definition = surface.Reader.GetFieldDefinition(handle);
        if (!MemberLookup.IsAccessibleFromOutside(definition.Attributes))
            return;
        _report.Count("surface members");
        var name = surface.Reader.GetString(definition.Name);
        var signature = Signatures.OfField(surface.Reader, handle, GenericContext.Open);
        var found = MemberLookup.FindField(real, name, signature, GenericContext.Open);
        if (found == null)
        {
            _report.Fail(surface.Assembly.Name, $"{surface.Name}::{name} {signature}", $"no such field on the real {real.Name}");
            return;
        }

        var surfaceValue = ConstantOf(surface.Reader, definition.GetDefaultValue());
        var realValue = ConstantOf(real.Reader, real.Reader.GetFieldDefinition(found.Value).GetDefaultValue());
        if (surfaceValue != realValue)
            _report.Fail(surface.Assembly.Name, $"{surface.Name}::{name}", $"constant {surfaceValue} but the real value is {realValue}");
    }

    private void CheckRealAbstractMembersPresent(LocatedType surface, LocatedType real)
    {
        foreach (var method in real.Definition.GetMethods())
        {
            var definition = real.Reader.GetMethodDefinition(method);
            if (!IsAbstract(definition.Attributes))
                continue;
            var name = real.Reader.GetString(definition.Name);
            var signature = Signatures.OfMethod(real.Reader, method, GenericContext.Open);
            if (MemberLookup.FindMethod(surface, name, signature, GenericContext.Open) == null)
                _report.Fail(surface.Assembly.Name, $"{surface.Name}::{name} {signature}",
                    "is abstract in reality but missing from the surface: plugin types would compile without overriding it");
        }
    }

    private static bool IsVisible(LocatedType type)
    {
        var visibility = type.Definition.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public)
            return true;
        if (visibility is not (TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
            return false;
        return IsVisible(type with { Handle = type.Definition.GetDeclaringType() });
    }

    private static bool IsAbstract(MethodAttributes attributes) => (attributes & MethodAttributes.Abstract) != 0;

    private static bool IsOverridable(MethodAttributes attributes) =>
        (attributes & MethodAttributes.Virtual) != 0 && (attributes & MethodAttributes.Final) == 0;

    private static string BaseTypeOf(LocatedType type) =>
        type.Definition.BaseType.IsNil ? "(none)" : Signatures.DecodeType(type.Reader, type.Definition.BaseType, GenericContext.Open);

    private static string InterfacesOf(LocatedType type) =>
        string.Join(", ", type.Definition.GetInterfaceImplementations()
            .Select(handle => Signatures.DecodeType(type.Reader, type.Reader.GetInterfaceImplementation(handle).Interface, GenericContext.Open))
            .Order(StringComparer.Ordinal));

    private static string ConstraintsOf(LocatedType type) =>
        string.Join("; ", type.Definition.GetGenericParameters().Select(handle =>
        {
            var parameter = type.Reader.GetGenericParameter(handle);
            var special = parameter.Attributes & GenericParameterAttributes.SpecialConstraintMask;
            var constraints = parameter.GetConstraints()
                .Select(constraint => Signatures.DecodeType(type.Reader, type.Reader.GetGenericParameterConstraint(constraint).Type, GenericContext.Open))
                .Order(StringComparer.Ordinal);
            return $"!{parameter.Index}: {special} {string.Join(", ", constraints)}";
        }));

    private static string ConstantOf(MetadataReader reader, ConstantHandle handle)
    {
        if (handle.IsNil)
            return "(none)";
        var constant = reader.GetConstant(handle);
        return constant.TypeCode + ":" + Convert.ToHexString(reader.GetBlobBytes(constant.Value));
    }

    private void CompareText(string subject, string aspect, string surfaceValue, string realValue, string assembly)
    {
        if (surfaceValue != realValue)
            _report.Fail(assembly, subject, $"{aspect} differ: surface [{surfaceValue}] vs real [{realValue}]");
    }
}
