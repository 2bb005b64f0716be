using System.Reflection;
using System.Reflection.Metadata;

namespace LinkCheck;

/// <summary>
/// For each class of the checked assembly: every member of an interface it implements from a real assembly has an
/// implementation, and every abstract member of a real base class is overridden. A surface that leaves out an interface
/// member or an abstract member compiles, then fails with TypeLoadException when the shop loads the type.
/// </summary>
public sealed class ImplementationChecker
{
    private readonly TypeLocator _locator;
    private readonly Func<string, bool> _inScope;
    private readonly LinkReport _report;

    public ImplementationChecker(TypeLocator locator, Func<string, bool> inScope, LinkReport report)
    {
        _locator = locator;
        _inScope = inScope;
        _report = report;
    }

    public void Check(LoadedAssembly consumer)
    {
        foreach (var handle in consumer.Reader.TypeDefinitions)
        {
            var type = new LocatedType(consumer, handle, []);
            if (type.IsInterface || type.Name == "<Module>")
                continue;
            var chain = ChainOf(type, out var chainComplete);
            CheckInterfaces(consumer, type, chain, chainComplete);
            if (!type.IsAbstract)
                CheckAbstractMembers(consumer, type, chain);
        }
    }

    private List<LocatedType> ChainOf(LocatedType type, out bool complete)
    {
        var chain = new List<LocatedType> { type };
        var current = type;
        while (true)
        {
            var next = _locator.BaseOf(current);
            if (next == null)
            {
                complete = !_locator.BaseIsUnknown(current);
                return chain;
            }

            chain.Add(next);
            current = next;
        }
    }

    private bool IsReal(LocatedType type, LoadedAssembly consumer) => type.Assembly != consumer && _inScope(type.Assembly.Name);

    private void CheckInterfaces(LoadedAssembly consumer, LocatedType type, List<LocatedType> chain, bool chainComplete)
    {
        foreach (var (interfaceName, located) in _locator.InterfacesOf(type))
        {
            if (located == null || !IsReal(located, consumer))
                continue;
            _report.Count("implemented interfaces");
            foreach (var (declarer, method) in AllInterfaceMethods(located))
            {
                var definition = declarer.Reader.GetMethodDefinition(method);
                if ((definition.Attributes & MethodAttributes.Abstract) == 0 || (definition.Attributes & MethodAttributes.Static) != 0)
                    continue;
                var name = declarer.Reader.GetString(definition.Name);
                var signature = Signatures.OfMethod(declarer.Reader, method, declarer.Context);
                if (IsImplemented(chain, declarer, name, signature))
                    continue;
                var subject = $"{type.Name} implements {interfaceName}";
                if (chainComplete)
                    _report.Fail(consumer.Name, subject, $"no implementation of {declarer.Display}::{name} {signature}");
                else
                    _report.Note($"{consumer.Name}: {subject}: {name} not found, but a base class could not be read");
            }
        }
    }

    /// <summary>The interface's own methods and those of every interface it derives from, each with its type arguments.</summary>
    private IEnumerable<(LocatedType Declarer, MethodDefinitionHandle Method)> AllInterfaceMethods(LocatedType root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<LocatedType>([root]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (!seen.Add(current.Display))
                continue;
            foreach (var method in current.Definition.GetMethods())
                yield return (current, method);
            foreach (var (_, baseInterface) in _locator.InterfacesOf(current))
            {
                if (baseInterface != null)
                    pending.Enqueue(baseInterface);
            }
        }
    }

    private static bool IsImplemented(List<LocatedType> chain, LocatedType declarer, string name, string signature)
    {
        foreach (var type in chain)
        {
            var reader = type.Reader;
            foreach (var implementationHandle in type.Definition.GetMethodImplementations())
            {
                var implementation = reader.GetMethodImplementation(implementationHandle);
                if (DeclarationName(reader, implementation.MethodDeclaration) == name
                    && DeclarationParent(reader, implementation.MethodDeclaration, type.Context) == declarer.Display)
                    return true;
            }

            foreach (var method in MemberLookup.MethodsNamed(type, name))
            {
                var attributes = reader.GetMethodDefinition(method).Attributes;
                if ((attributes & MethodAttributes.Static) == 0
                    && (attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public
                    && Signatures.OfMethod(reader, method, type.Context) == signature)
                    return true;
            }
        }

        return false;
    }

    private void CheckAbstractMembers(LoadedAssembly consumer, LocatedType type, List<LocatedType> chain)
    {
        for (var level = 1; level < chain.Count; level++)
        {
            var baseType = chain[level];
            if (!IsReal(baseType, consumer))
                continue;
            foreach (var method in baseType.Definition.GetMethods())
            {
                var definition = baseType.Reader.GetMethodDefinition(method);
                if ((definition.Attributes & MethodAttributes.Abstract) == 0)
                    continue;
                _report.Count("abstract members");
                var name = baseType.Reader.GetString(definition.Name);
                var signature = Signatures.OfMethod(baseType.Reader, method, baseType.Context);
                if (!IsOverridden(chain.Take(level), name, signature))
                    _report.Fail(consumer.Name, $"{type.Name} derives from {baseType.Display}", $"abstract {name} {signature} is not overridden");
            }
        }
    }

    private static bool IsOverridden(IEnumerable<LocatedType> derived, string name, string signature) =>
        derived.Any(type => MemberLookup.MethodsNamed(type, name).Any(method =>
        {
            var attributes = type.Reader.GetMethodDefinition(method).Attributes;
            return (attributes & MethodAttributes.Virtual) != 0
                && (attributes & MethodAttributes.Abstract) == 0
                && Signatures.OfMethod(type.Reader, method, type.Context) == signature;
        }));

    private static string DeclarationName(MetadataReader reader, EntityHandle declaration) => declaration.Kind switch
    {
        HandleKind.MethodDefinition => reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)declaration).Name),
        HandleKind.MemberReference => reader.GetString(reader.GetMemberReference((MemberReferenceHandle)declaration).Name),
        _ => null
    };

    private static string DeclarationParent(MetadataReader reader, EntityHandle declaration, GenericContext context) => declaration.Kind switch
    {
        HandleKind.MethodDefinition => TypeNames.OfDefinition(reader, reader.GetMethodDefinition((MethodDefinitionHandle)declaration).GetDeclaringType()),
        HandleKind.MemberReference => Signatures.DecodeType(reader, (EntityHandle)reader.GetMemberReference((MemberReferenceHandle)declaration).Parent, context),
        _ => null
    };
}
