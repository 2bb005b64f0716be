using System.Linq.Expressions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Locking;

/// <summary>
/// How the farm lock behaves when the database fails while it is held (the races themselves run against PostgreSQL in
/// <c>FarmLockDatabaseTests</c>).
/// </summary>
[TestFixture]
public class FarmLockTests
{
    private static readonly TimeSpan _expiry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _clock;
    private RecordingShopLog _log;
    private Mock<IRepository<PersonalizationLock>> _locks;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 16, 30, 0, TimeSpan.Zero));
        _log = new RecordingShopLog();
        _locks = new Mock<IRepository<PersonalizationLock>>();
        _locks.Setup(l => l.InsertAsync(It.IsAny<PersonalizationLock>(), It.IsAny<bool>()))
            .Callback((PersonalizationLock row, bool _) => row.Id = 5)
            .Returns(Task.CompletedTask);
        _locks.Setup(l => l.DeleteAsync(It.IsAny<Expression<Func<PersonalizationLock, bool>>>())).ReturnsAsync(1);
    }

    [Test]
    public async Task ARenewalTheDatabaseRefusesIsLoggedAndTheWorkGoesOn()
    {
        _locks.Setup(l => l.UpdateAsync(It.IsAny<PersonalizationLock>(), It.IsAny<bool>())).ThrowsAsync(new TimeoutException("database busy"));
        var stopAsked = true;

        var took = await Lock().TryRunAsync("work", _expiry, async lockLost =>
        {
            _clock.Advance(_expiry / 3);
            var giveUp = DateTime.UtcNow + _patience;
            while (_log.Warnings.Count == 0 && DateTime.UtcNow < giveUp)
                await Task.Delay(10);
            stopAsked = lockLost.IsCancellationRequested;
        });

        (took, stopAsked).Should().Be((true, false));
        _log.Warnings.Should().ContainSingle().Which.Message.Should().StartWith("could not renew the lock work");
        _locks.Verify(l => l.DeleteAsync(It.IsAny<Expression<Func<PersonalizationLock, bool>>>()), Times.Once, "the lock is given back");
    }

    [Test]
    public async Task AReleaseTheDatabaseRefusesIsLoggedNotThrown()
    {
        _locks.Setup(l => l.DeleteAsync(It.IsAny<Expression<Func<PersonalizationLock, bool>>>())).ThrowsAsync(new TimeoutException("database gone"));

        var took = await Lock().TryRunAsync("work", _expiry, _ => Task.CompletedTask);

        took.Should().BeTrue();
        _log.Warnings.Should().ContainSingle().Which.Message.Should().StartWith("could not release the lock work");
    }

    [Test]
    public async Task WorkThatEndsBeforeTheFirstRenewalNeverRenews()
    {
        await Lock().TryRunAsync("work", _expiry, _ => Task.CompletedTask);
        _clock.Advance(_expiry);

        _locks.Verify(l => l.UpdateAsync(It.IsAny<PersonalizationLock>(), It.IsAny<bool>()), Times.Never);
        _log.Entries.Should().BeEmpty();
    }

    private FarmLock Lock() => new(_log, new LockRows(_locks.Object, _log, _clock), _clock);
}
