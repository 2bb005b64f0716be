using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Reporting;

namespace Nop.Plugin.Misc.Personalization.Tests.Reporting;

[TestFixture]
public class PlacementReportCacheTests
{
    private static PlacementReport Report() => new(DateTime.MinValue, DateTime.MinValue, [], HoldoutLift.NotComputed(LiftStatus.NoHoldout, 0), new DailySeries([], []));

    [Test]
    public async Task AReportIsBuiltOncePerScopeAndPeriodUntilItsLifetimeEnds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var cache = new PlacementReportCache(time);
        var builds = 0;
        Task<PlacementReport> Build()
        {
            builds++;
            return Task.FromResult(Report());
        }

        await cache.GetOrBuildAsync(1, 30, Build);
        await cache.GetOrBuildAsync(1, 30, Build);
        builds.Should().Be(1);

        await cache.GetOrBuildAsync(1, 7, Build);
        await cache.GetOrBuildAsync(2, 30, Build);
        builds.Should().Be(3, "another period or store scope is another report");

        time.Advance(PlacementReportCache.Lifetime);
        await cache.GetOrBuildAsync(1, 30, Build);
        builds.Should().Be(4);
    }
}
