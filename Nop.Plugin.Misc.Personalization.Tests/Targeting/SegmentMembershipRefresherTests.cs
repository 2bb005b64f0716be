using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Targeting;

/// <summary>
/// The background loop: reads at start without holding up the host, checks again every poll interval, and at once
/// when this node's training asks.
/// </summary>
[TestFixture]
public class SegmentMembershipRefresherTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private readonly SegmentMembershipOptions _options = new() { PollInterval = TimeSpan.FromMinutes(5) };
    private FakeTimeProvider _time;
    private CountingReader _reader;
    private SegmentMembership _membership;
    private ServiceProvider _services;
    private SegmentMembershipRefresher _refresher;

    private sealed class CountingReader : SegmentMembershipReader
    {
        private int _stampReads;
        private int _reads;

        public CountingReader() : base(null)
        {
        }

        public MembershipStamp Stamp { get; set; } = new(1, new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc));

        public TaskCompletionSource Gate { get; set; }

        public int StampReads => Volatile.Read(ref _stampReads);

        public int Reads => Volatile.Read(ref _reads);

        public override async Task<MembershipStamp> ReadStampAsync()
        {
            if (Gate != null)
                await Gate.Task;
            Interlocked.Increment(ref _stampReads);
            return Stamp;
        }

        public override Task<(SegmentMembershipSet Memberships, bool Truncated)> ReadAsync(int maxCustomers, int pageSize, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            var builder = new SegmentMembershipBuilder();
            builder.Add(1, 10, Stamp.NewestProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult((builder.Build(), false));
        }
    }

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        _reader = new CountingReader();
        _membership = new SegmentMembership();
        _services = new ServiceCollection().AddScoped<SegmentMembershipReader>(_ => _reader).BuildServiceProvider();
        _refresher = new SegmentMembershipRefresher(new RecordingShopLog(), _membership,
            _services.GetRequiredService<IServiceScopeFactory>(), _time, _options, new PluginLifetime());
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _reader.Gate?.TrySetResult();
        await _refresher.StopAsync(CancellationToken.None);
        _refresher.Dispose();
        await _services.DisposeAsync();
    }

    [Test]
    public async Task StartingTheHostDoesNotWaitForTheDatabase()
    {
        _reader.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var start = _refresher.StartAsync(CancellationToken.None);

        (await Task.WhenAny(start, Task.Delay(_patience))).Should().BeSameAs(start);
        _membership.IsLoaded.Should().BeFalse();
        _reader.Gate.SetResult();
        await EventuallyAsync(() => _membership.IsLoaded);
        _membership.IsMember(1, 10, 1).Should().BeTrue();
    }

    [Test]
    public async Task ANewerRefreshIsReadAtTheNextCheck()
    {
        var started = _time.GetUtcNow();
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _reader.Reads == 1);
        _reader.Stamp = _reader.Stamp with { NewestProfileId = 2 };

        await EventuallyAsync(() => _reader.Reads == 2, advance: TimeSpan.FromMinutes(1));

        _time.GetUtcNow().Should().BeOnOrAfter(started + _options.PollInterval, "nothing asked for it before the poll interval passed");
        _membership.IsMember(1, 10, 2).Should().BeTrue();
    }

    [Test]
    public async Task AnUnchangedStampIsNotReadAgain()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _reader.Reads == 1);

        await EventuallyAsync(() => _reader.StampReads == 3, advance: TimeSpan.FromMinutes(1));

        _reader.Reads.Should().Be(1);
    }

    [Test]
    public async Task ATrainingOnThisNodeIsReadAtOnce()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _reader.Reads == 1);

        _refresher.RequestReload();

        await EventuallyAsync(() => _reader.Reads == 2);
        _time.GetUtcNow().Should().Be(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), "no time passed: the request did it");
    }

    /// <summary>
    /// Waits in real time for the background loop; with <paramref name="advance"/> the fake clock moves on in steps
    /// meanwhile, so the poll interval passes whenever the loop happens to start waiting.
    /// </summary>
    private async Task EventuallyAsync(Func<bool> condition, TimeSpan? advance = null)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the refresher did not get there in time");

            await Task.Delay(10);
            if (advance is { } step)
                _time.Advance(step);
        }
    }
}
