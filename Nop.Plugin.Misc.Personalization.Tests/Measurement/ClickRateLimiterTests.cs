using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

[TestFixture]
public class ClickRateLimiterTests
{
    private FakeTimeProvider _time;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public void AllowsABurstOfThePerMinuteRateThenRefuses()
    {
        var limiter = new ClickRateLimiter(_time);

        Enumerable.Range(0, MeasurementDefaults.ClicksPerMinute).Should().OnlyContain(_ => limiter.TryAcquire(1));
        limiter.TryAcquire(1).Should().BeFalse();
    }

    [Test]
    public void RefillsContinuously()
    {
        var limiter = new ClickRateLimiter(_time, perMinute: 30, capacity: 10);
        while (limiter.TryAcquire(1))
        {
        }

        _time.Advance(TimeSpan.FromSeconds(1.9));
        limiter.TryAcquire(1).Should().BeFalse("one click takes 2 s to refill at 30 per minute");
        _time.Advance(TimeSpan.FromSeconds(0.2));
        limiter.TryAcquire(1).Should().BeTrue();
        limiter.TryAcquire(1).Should().BeFalse();

        _time.Advance(TimeSpan.FromMinutes(10));
        Enumerable.Range(0, 30).Should().OnlyContain(_ => limiter.TryAcquire(1), "the bucket refills to its size, not beyond");
        limiter.TryAcquire(1).Should().BeFalse();
    }

    [Test]
    public void CustomersHaveTheirOwnBuckets()
    {
        var limiter = new ClickRateLimiter(_time, perMinute: 2, capacity: 10);
        limiter.TryAcquire(1).Should().BeTrue();
        limiter.TryAcquire(1).Should().BeTrue();
        limiter.TryAcquire(1).Should().BeFalse();

        limiter.TryAcquire(2).Should().BeTrue();
    }

    [Test]
    public void MemoryIsBoundedAndIdleCustomersMakeRoom()
    {
        var limiter = new ClickRateLimiter(_time, perMinute: 30, capacity: 100);
        for (var customer = 1; customer <= 100; customer++)
            limiter.TryAcquire(customer).Should().BeTrue();

        limiter.TryAcquire(101).Should().BeFalse("the table is full of customers active right now");
        limiter.Tracked.Should().Be(100);

        _time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire(101).Should().BeTrue("everyone idle for a minute is back to a full bucket and forgotten");
        limiter.Tracked.Should().Be(1);
    }

    [Test]
    public void AFullTableIsNotRescannedOnEveryNewCustomer()
    {
        var limiter = new ClickRateLimiter(_time, perMinute: 1, capacity: 2);
        limiter.TryAcquire(1).Should().BeTrue();
        limiter.TryAcquire(2).Should().BeTrue();
        limiter.TryAcquire(3).Should().BeFalse();

        //customer 1 and 2 are idle long enough to be forgotten, but the last scan was less than a second ago
        _time.Advance(TimeSpan.FromMilliseconds(500));
        limiter.TryAcquire(4).Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(60));
        limiter.TryAcquire(4).Should().BeTrue();
    }
}
