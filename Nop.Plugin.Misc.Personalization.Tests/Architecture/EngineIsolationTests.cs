using System.Reflection;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Tests.Architecture;

/// <summary>
/// The engine must stay free of nopCommerce so it can be tested, benchmarked and reused without a shop.
/// </summary>
[TestFixture]
public class EngineIsolationTests
{
    private const string ENGINE_NAMESPACE = "Nop.Plugin.Misc.Personalization.Engine";

    [Test]
    public void EngineTypesReferenceNoNopCommerceType()
    {
        var offenders = EngineTypes()
            .SelectMany(type => ReferencedTypes(type).Select(used => (type, used)))
            .Where(pair => IsNopCommerce(pair.used))
            .Select(pair => $"{pair.type.FullName} uses {pair.used.FullName} ({pair.used.Assembly.GetName().Name})")
            .Distinct()
            .ToList();

        offenders.Should().BeEmpty();
    }

    [Test]
    public void TheCheckSeesEngineTypes()
    {
        EngineTypes().Should().Contain(typeof(Interaction));
    }

    [Test]
    public void TheCheckRecognisesANopCommerceType()
    {
        IsNopCommerce(typeof(Nop.Core.BaseEntity)).Should().BeTrue();
        IsNopCommerce(typeof(Interaction)).Should().BeFalse();
    }

    private static IEnumerable<Type> EngineTypes() =>
        typeof(Interaction).Assembly.GetTypes()
            .Where(t => t.Namespace != null && (t.Namespace == ENGINE_NAMESPACE || t.Namespace.StartsWith(ENGINE_NAMESPACE + ".", StringComparison.Ordinal)));

    private static bool IsNopCommerce(Type type)
    {
        var name = type.Assembly.GetName().Name ?? string.Empty;
        return name is "Nop.Core" or "Nop.Data" or "Nop.Services" or "Nop.Web.Framework" or "Nop.Web";
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();

        void Add(Type t)
        {
            if (t == null || !found.Add(t))
                return;
            if (t.HasElementType)
                Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
                foreach (var argument in t.GetGenericArguments())
                    Add(argument);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
            Add(i);
        foreach (var attribute in type.GetCustomAttributesData())
            Add(attribute.AttributeType);
        foreach (var field in type.GetFields(all))
            Add(field.FieldType);
        foreach (var property in type.GetProperties(all))
            Add(property.PropertyType);
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
                Add(info.ReturnType);
            foreach (var parameter in method.GetParameters())
                Add(parameter.ParameterType);
            var body = method.GetMethodBody();
            if (body != null)
                foreach (var local in body.LocalVariables)
                    Add(local.LocalType);
        }

        return found;
    }
}
