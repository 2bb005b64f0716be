using System.Reflection;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using Nop.Core;
using Nop.Core.Configuration;
using Nop.Core.Domain.Stores;
using Nop.Core.Infrastructure;
using Nop.Services.Configuration;
using Nop.Services.Events;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tests.Infrastructure;

/// <summary>
/// Builds the container the way a 4.90 shop does (core registrations, then every INopStartup by Order, settings and
/// consumers found by scanning, Autofac as the provider) and resolves everything nopCommerce would create from the plugin.
/// nopCommerce's own services are Moq stand-ins; every plugin type must come from the plugin's own registrations.
/// </summary>
[TestFixture]
public class CompositionTests
{
    private static readonly Assembly _plugin = typeof(PersonalizationPlugin).Assembly;

    private IContainer _container;
    private ILifetimeScope _scope;

    [OneTimeSetUp]
    public void BuildContainer()
    {
        var services = new ServiceCollection();
        AddWhatTheShopProvides(services);

        var configuration = new ConfigurationBuilder().Build();
        foreach (var startup in ConcreteTypes<INopStartup>().Select(t => (INopStartup)Activator.CreateInstance(t)!).OrderBy(s => s.Order))
            startup.ConfigureServices(services, configuration);

        foreach (var settings in ConcreteTypes<ISettings>())
            services.AddScoped(settings, provider => provider.GetRequiredService<ISettingService>().LoadSettingAsync(settings, 0).Result);

        foreach (var consumer in ConcreteTypes(typeof(IConsumer<>)))
        foreach (var consumed in ConsumerInterfaces(consumer))
            services.AddScoped(consumed, consumer);

        var builder = new ContainerBuilder();
        builder.Populate(services);
        _container = builder.Build();
        _scope = _container.BeginLifetimeScope();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _scope?.Dispose();
        _container?.Dispose();
    }

    [Test]
    public void ThePluginDeclaresAStartupWithPluginOrder()
    {
        ConcreteTypes<INopStartup>().Should().ContainSingle();
        ((INopStartup)Activator.CreateInstance(ConcreteTypes<INopStartup>().Single())!).Order.Should().Be(3000);
    }

    [TestCaseSource(nameof(Consumers))]
    public void EveryConsumerResolves(Type consumedInterface)
    {
        _scope.Resolve(consumedInterface).Should().NotBeNull();
    }

    [TestCaseSource(nameof(CreatedByNopCommerce))]
    public void EveryTypeNopCommerceCreatesResolves(Type type)
    {
        var provider = _scope.Resolve<IServiceProvider>();

        ActivatorUtilities.CreateInstance(provider, type).Should().NotBeNull();
    }

    [Test]
    public void HostedServicesResolve()
    {
        _scope.Resolve<IEnumerable<IHostedService>>().Should().NotBeNull();
    }

    [Test]
    public void TheCheckCoversThePluginAndItsTasks()
    {
        CreatedByNopCommerce().Should().Contain(typeof(PersonalizationPlugin));
        CreatedByNopCommerce().Should().Contain(t => typeof(IScheduleTask).IsAssignableFrom(t));
        CreatedByNopCommerce().Should().Contain(t => typeof(ViewComponent).IsAssignableFrom(t));
        CreatedByNopCommerce().Should().Contain(t => typeof(Controller).IsAssignableFrom(t));
    }

    public static IEnumerable<Type> Consumers() =>
        ConcreteTypes(typeof(IConsumer<>)).SelectMany(ConsumerInterfaces).Distinct();

    /// <summary>
    /// The plugin itself and scheduled tasks (ResolveUnregistered), controllers and view components (MVC's activators).
    /// </summary>
    public static IEnumerable<Type> CreatedByNopCommerce() =>
        _plugin.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Where(t => typeof(IPlugin).IsAssignableFrom(t) || typeof(IScheduleTask).IsAssignableFrom(t)
                || typeof(ViewComponent).IsAssignableFrom(t) || typeof(Controller).IsAssignableFrom(t))
            .OrderBy(t => t.FullName);

    private static void AddWhatTheShopProvides(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(Mock.Of<IHostApplicationLifetime>());

        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        storeContext.Setup(s => s.GetCurrentStore()).Returns(new Store { Id = 1 });
        services.AddSingleton(storeContext.Object);

        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync(It.IsAny<Type>(), It.IsAny<int>()))
            .ReturnsAsync((Type type, int _) => (ISettings)Activator.CreateInstance(type)!);
        services.AddSingleton(settingService.Object);

        foreach (var nopType in NopDependencies().Where(t => services.All(s => s.ServiceType != t)))
        {
            if (nopType.IsInterface || nopType.IsAbstract)
                services.AddSingleton(nopType, ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(nopType))!).Object);
            else if (typeof(ISettings).IsAssignableFrom(nopType))
                services.AddScoped(nopType, _ => Activator.CreateInstance(nopType)!);
        }
    }

    /// <summary>
    /// nopCommerce types that plugin constructors ask for: the shop supplies these, so the test stands them in.
    /// Open generics (IRepository&lt;T&gt;) are closed over the plugin's entities.
    /// </summary>
    private static IEnumerable<Type> NopDependencies() =>
        _plugin.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.Assembly.GetName().Name!.StartsWith("Nop.", StringComparison.Ordinal) && t.Assembly != _plugin)
            .Distinct();

    private static IEnumerable<Type> ConcreteTypes<T>() => ConcreteTypes(typeof(T));

    private static IEnumerable<Type> ConcreteTypes(Type service) =>
        _plugin.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(t => service.IsGenericTypeDefinition
                ? t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == service)
                : service.IsAssignableFrom(t));

    private static IEnumerable<Type> ConsumerInterfaces(Type consumer) =>
        consumer.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>));
}
