using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>
/// Checks what one compiled assembly (the plugin) asks of the real assemblies, the way the runtime resolves it:
/// each assembly reference must bind (same or lower version, same key token), each type reference must name a type
/// the real assembly defines or forwards, and each member reference must name a member declared ON the referenced
/// type with an identical signature. The runtime does not look for interface members on base interfaces.
/// </summary>
public sealed class ReferenceChecker
{
    private readonly AssemblySet _real;
    private readonly Func<string, bool> _inScope;
    private readonly TypeLocator _locator;
    private readonly LinkReport _report;

    public ReferenceChecker(AssemblySet real, Func<string, bool> inScope, LinkReport report)
    {
        _real = real;
        _inScope = inScope;
        _locator = new TypeLocator(real);
        _report = report;
    }

    public void Check(LoadedAssembly consumer)
    {
        CheckAssemblyReferences(consumer);
        CheckTypeReferences(consumer);
        CheckMemberReferences(consumer);
        new ImplementationChecker(_locator, _inScope, _report).Check(consumer);
    }

    private void CheckAssemblyReferences(LoadedAssembly consumer)
    {
        var reader = consumer.Reader;
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var name = reader.GetString(reference.Name);
            if (!_inScope(name) || !_real.TryGet(name, out var real))
                continue;
            _report.Count("assembly references");
            var subject = $"reference {name}, Version={reference.Version}";
            if (reference.Version > real.Version)
                _report.Fail(consumer.Name, subject, $"the real assembly is {real.Version}: the runtime binds only to the same or a higher version");
            var token = LoadedAssembly.TokenOf(reader.GetBlobBytes(reference.PublicKeyOrToken));
            if (token != real.PublicKeyToken)
                _report.Fail(consumer.Name, subject, $"public key token '{token}' but the real assembly has '{real.PublicKeyToken}'");
        }
    }

    private void CheckTypeReferences(LoadedAssembly consumer)
    {
        var reader = consumer.Reader;
        foreach (var handle in reader.TypeReferences)
        {
            var assemblyName = TypeNames.ScopeAssemblyOf(reader, handle);
            if (assemblyName == null || !_inScope(assemblyName) || !_real.TryGet(assemblyName, out _))
                continue;
            _report.Count("type references");
            var fullName = TypeNames.OfReference(reader, handle);
            var resolution = _real.Resolve(assemblyName, fullName);
            if (resolution.Kind == TypeResolutionKind.Missing)
                _report.Fail(consumer.Name, $"type {fullName}", $"not defined in {resolution.Assembly}{WhereElse(fullName)}");
            else if (resolution.Kind == TypeResolutionKind.OutsideSet)
                _report.Note($"{consumer.Name}: type {fullName} is forwarded from {assemblyName} to {resolution.AssemblyName}, which was not given");
        }
    }

    private void CheckMemberReferences(LoadedAssembly consumer)
    {
        var reader = consumer.Reader;
        foreach (var handle in reader.MemberReferences)
        {
            var reference = reader.GetMemberReference(handle);
            if (reference.Parent.Kind is not (HandleKind.TypeReference or HandleKind.TypeSpecification))
                continue;
            var parentName = Signatures.DecodeType(reader, (EntityHandle)reference.Parent, GenericContext.Open);
            if (!TryLocateRealParent(consumer, (EntityHandle)reference.Parent, out var parent))
                continue;
            _report.Count("member references");
            var name = reader.GetString(reference.Name);
            var signature = Signatures.OfMemberReference(reader, reference);
            var subject = $"{parentName}::{name} {signature}";
            if (reference.GetKind() == MemberReferenceKind.Field)
                CheckField(consumer, parent, name, signature, subject);
            else
                CheckMethod(consumer, parent, name, signature, subject);
        }
    }

    private bool TryLocateRealParent(LoadedAssembly consumer, EntityHandle parentHandle, out LocatedType parent)
    {
        parent = null;
        var definitionHandle = parentHandle;
        if (parentHandle.Kind == HandleKind.TypeSpecification)
        {
            definitionHandle = TypeLocator.SplitInstantiation(consumer.Reader, (TypeSpecificationHandle)parentHandle, GenericContext.Open).Definition;
            if (definitionHandle.IsNil || definitionHandle.Kind != HandleKind.TypeReference)
                return false;
        }

        var assemblyName = TypeNames.ScopeAssemblyOf(consumer.Reader, (TypeReferenceHandle)definitionHandle);
        if (assemblyName == null || !_inScope(assemblyName) || !_real.TryGet(assemblyName, out _))
            return false;
        // Located with open arguments: a member reference's signature is written against the generic definition.
        parent = _locator.Locate(consumer, definitionHandle, GenericContext.Open);
        return parent != null;
    }

    private void CheckMethod(LoadedAssembly consumer, LocatedType parent, string name, string signature, string subject)
    {
        var found = MemberLookup.FindMethod(parent, name, signature, GenericContext.Open);
        if (found == null)
        {
            _report.Fail(consumer.Name, subject, $"no such method on {parent.Name} in {parent.Assembly}{Hint(parent, name)}");
            return;
        }

        var attributes = parent.Reader.GetMethodDefinition(found.Value).Attributes;
        if (!MemberLookup.IsAccessibleFromOutside(attributes))
            _report.Fail(consumer.Name, subject, $"is {MemberLookup.AccessOf(attributes)} in {parent.Assembly}");
    }

    private void CheckField(LoadedAssembly consumer, LocatedType parent, string name, string signature, string subject)
    {
        var found = MemberLookup.FindField(parent, name, signature, GenericContext.Open);
        if (found == null)
            _report.Fail(consumer.Name, subject, $"no such field on {parent.Name} in {parent.Assembly}");
        else if (!MemberLookup.IsAccessibleFromOutside(parent.Reader.GetFieldDefinition(found.Value).Attributes))
            _report.Fail(consumer.Name, subject, $"is not accessible in {parent.Assembly}");
    }

    /// <summary>Says where the member really is (a base type or base interface) or what same-named overloads exist.</summary>
    private string Hint(LocatedType parent, string name)
    {
        var declarers = new List<string>();
        var type = _locator.BaseOf(parent);
        while (type != null)
        {
            if (MemberLookup.MethodsNamed(type, name).Any())
                declarers.Add(type.Display);
            type = _locator.BaseOf(type);
        }

        foreach (var (interfaceName, located) in _locator.InterfacesOf(parent))
        {
            if (located != null && MemberLookup.MethodsNamed(located, name).Any())
                declarers.Add(interfaceName);
        }

        if (declarers.Count > 0)
            return $"; '{name}' is declared on {string.Join(", ", declarers.Distinct())} (declare it there in the surface)";
        var candidates = MemberLookup.CandidateSignatures(parent, name);
        return candidates.Count > 0 ? $"; overloads there: {string.Join(" | ", candidates)}" : "";
    }

    private string WhereElse(string fullName)
    {
        var definers = _real.DefinersOf(fullName).Select(assembly => assembly.Name).ToList();
        return definers.Count > 0 ? $" (it is defined in {string.Join(", ", definers)})" : "";
    }
}
