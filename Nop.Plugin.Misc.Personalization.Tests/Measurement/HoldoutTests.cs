using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

[TestFixture]
public class HoldoutTests
{
    [Test]
    public async Task UsesTheSettingsPercentAndTheCustomerGuid()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.HoldoutPercent = 30;
        var holdout = new Holdout(settings);
        var random = new Random(5);

        for (var i = 0; i < 500; i++)
        {
            var guid = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray());
            var customer = new Customer { Id = i + 1, CustomerGuid = guid };

            (await holdout.IsHeldOutAsync(customer)).Should().Be(HoldoutAssignment.IsHeldOut(guid, 30));
        }
    }

    [Test]
    public async Task APercentAboveTheLimitIsCappedAtTheLimit()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.HoldoutPercent = 100;
        var holdout = new Holdout(settings);
        var random = new Random(9);
        var customers = Enumerable.Range(0, 2000)
            .Select(i => new Customer { Id = i, CustomerGuid = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()) })
            .ToList();

        var heldOut = 0;
        foreach (var customer in customers)
        {
            if (await holdout.IsHeldOutAsync(customer))
                heldOut++;
        }

        heldOut.Should().Be(customers.Count(c => HoldoutAssignment.IsHeldOut(c.CustomerGuid, SettingsLimits.MAX_HOLDOUT_PERCENT)));
        heldOut.Should().BeLessThan(customers.Count);
    }

    [Test]
    public async Task ZeroPercentAndNoCustomerMeanNobodyIsHeldOut()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.HoldoutPercent = 0;
        var holdout = new Holdout(settings);

        (await holdout.IsHeldOutAsync(new Customer { CustomerGuid = Guid.NewGuid() })).Should().BeFalse();
        (await holdout.IsHeldOutAsync(null)).Should().BeFalse();
    }
}
