using Nop.Plugin.Misc.Personalization.Services;

namespace Nop.Plugin.Misc.Personalization.Tests.Infrastructure;

[TestFixture]
public class PluginBackgroundServiceTests
{
    [Test]
    public async Task UninstallingEndsTheServiceAsAStopNotAFailure()
    {
        using var lifetime = new PluginLifetime();
        using var service = new WaitsForever(lifetime);
        await service.StartAsync(CancellationToken.None);

        lifetime.MarkUninstalled();
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });

        service.ExecuteTask.IsCompletedSuccessfully.Should().BeTrue("the host logs a service that ends with an exception as failed");
    }

    [Test]
    public async Task TheShopStoppingStillStopsIt()
    {
        using var lifetime = new PluginLifetime();
        using var service = new WaitsForever(lifetime);
        await service.StartAsync(CancellationToken.None);

        await service.StopAsync(CancellationToken.None);

        service.ExecuteTask!.IsCompleted.Should().BeTrue();
        lifetime.IsUninstalled.Should().BeFalse();
    }

    /// <summary>Like a poller that waits on its token without catching the cancellation.</summary>
    private sealed class WaitsForever(PluginLifetime lifetime) : PluginBackgroundService(lifetime)
    {
        protected override Task RunAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
