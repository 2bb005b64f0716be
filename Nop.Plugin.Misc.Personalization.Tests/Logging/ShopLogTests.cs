using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Tests.Logging;

[TestFixture]
public class ShopLogTests
{
    private FakeTimeProvider _time;
    private ShopLog _log;

    [SetUp]
    public void CreateLog()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        _log = new ShopLog(NullLogger<ShopLog>.Instance, _time);
    }

    [Test]
    public void WarningsAndErrorsAreQueuedForTheShopsLogAndInformationIsNot()
    {
        var failure = new InvalidOperationException("boom");

        _log.Information("trained 1 store model(s)");
        _log.Warning("loading placements failed", failure);
        _log.Error("training failed");

        var queued = Queued();
        queued.Select(entry => (entry.IsError, entry.Message)).Should().Equal(
            (false, "Personalization: loading placements failed"),
            (true, "Personalization: training failed"));
        queued[0].Exception.Should().BeOfType<RedactedException>().Which.OriginalType.Should().Be(typeof(InvalidOperationException).FullName);
        queued[1].Exception.Should().BeNull();
    }

    [Test]
    public void AMessageRepeatedWithinTheWindowIsQueuedOnceAndTheNextOneCountsTheRepeats()
    {
        for (var i = 0; i < 50; i++)
            _log.Warning("widget zone home_page_top rendered empty after an error.");
        _time.Advance(ShopLog.RepeatWindow);
        _log.Warning("widget zone home_page_top rendered empty after an error.");

        var queued = Queued();
        queued.Should().HaveCount(2);
        queued[1].Message.Should().Contain("49 more time(s)");
    }

    [Test]
    public void AFullQueueDropsInsteadOfBlocking()
    {
        for (var i = 0; i < ShopLog.CAPACITY + 500; i++)
            _log.Error($"failure {i}");

        Queued().Should().HaveCount(ShopLog.CAPACITY);
    }

    [Test]
    public async Task TheWriterHandsWarningsAndErrorsToNopCommercesLoggerWithoutACustomer()
    {
        var shopLogger = new Mock<Nop.Services.Logging.ILogger>();
        var writer = Writer(shopLogger.Object);
        var failure = new TimeoutException();

        await writer.WriteAsync(new ShopLogEntry(true, "Personalization: training failed", failure));
        await writer.WriteAsync(new ShopLogEntry(false, "Personalization: slow", null));

        shopLogger.Verify(l => l.ErrorAsync("Personalization: training failed", failure, null), Times.Once);
        shopLogger.Verify(l => l.WarningAsync("Personalization: slow", null, null), Times.Once);
    }

    [Test]
    public async Task AShopLogThatCannotBeWrittenDoesNotStopTheWriter()
    {
        var shopLogger = new Mock<Nop.Services.Logging.ILogger>();
        shopLogger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>())).ThrowsAsync(new TimeoutException("database down"));
        var writer = Writer(shopLogger.Object);

        var write = () => writer.WriteAsync(new ShopLogEntry(true, "Personalization: training failed", null));

        await write.Should().NotThrowAsync();
    }

    private ShopLogWriter Writer(Nop.Services.Logging.ILogger shopLogger)
    {
        var services = new ServiceCollection().AddScoped(_ => shopLogger).BuildServiceProvider();
        return new ShopLogWriter(NullLogger<ShopLogWriter>.Instance, _log, services.GetRequiredService<IServiceScopeFactory>());
    }

    private List<ShopLogEntry> Queued()
    {
        var entries = new List<ShopLogEntry>();
        while (_log.Entries.TryRead(out var entry))
            entries.Add(entry);
        return entries;
    }
}
