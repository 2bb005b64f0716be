using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Infrastructure;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

/// <summary>
/// Lifetimes matter here: a scoped rate limiter would start every request with a full bucket, and a singleton
/// holdout or token service would freeze the first store's settings.
/// </summary>
[TestFixture]
public class MeasurementRegistrationTests
{
    private IServiceCollection _services;

    [OneTimeSetUp]
    public void Register()
    {
        _services = new ServiceCollection();
        new NopStartup().ConfigureServices(_services, new ConfigurationBuilder().Build());
    }

    [TestCase(typeof(IHoldout), typeof(Holdout), ServiceLifetime.Scoped)]
    [TestCase(typeof(IPlacementTracking), typeof(PlacementTracking), ServiceLifetime.Scoped)]
    [TestCase(typeof(ClickTokens), typeof(ClickTokens), ServiceLifetime.Scoped)]
    [TestCase(typeof(ClickRateLimiter), typeof(ClickRateLimiter), ServiceLifetime.Singleton)]
    public void IsRegisteredOnceWithItsLifetime(Type service, Type implementation, ServiceLifetime lifetime)
    {
        var registration = _services.Should().ContainSingle(descriptor => descriptor.ServiceType == service).Which;

        registration.ImplementationType.Should().Be(implementation);
        registration.Lifetime.Should().Be(lifetime);
    }
}
