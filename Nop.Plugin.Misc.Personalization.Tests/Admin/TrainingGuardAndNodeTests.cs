using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Models;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// The two settings a large shop or a web farm needs for training: the memory it may use (older events are left out
/// beyond it, and the owner is told) and the node that trains.
/// </summary>
[TestFixture]
public class TrainingGuardAndNodeTests
{
    private AdminServices _services;

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        _services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });
        var now = AdminServices.Now.UtcDateTime;
        for (var i = 1; i <= 50; i++)
        {
            _services.Events.Add(new PersonalizationEvent
            {
                StoreId = 1, CustomerId = i % 7 + 1, ProductId = 1, EventType = (int)InteractionType.View, Quantity = 1, CreatedOnUtc = now.AddHours(-i)
            });
        }
    }

    [Test]
    public async Task WithinTheGuardTrainingReadsEverythingAndSaysNothing()
    {
        var result = await _services.Training().TrainAsync();

        (result.Trained, result.Capped, result.Interactions).Should().Be((true, false, 50));
        _services.TrainingLogger.Warnings.Should().BeEmpty();
        _services.Settings.Load<PersonalizationTrainingState>().GuardHitOnUtc.Should().BeNull();
    }

    [Test]
    public async Task BeyondTheGuardTheNewestEventsTrainAndTheOwnerIsToldOnceADay()
    {
        //4 MB hold about 5,000 events: make the history bigger than that
        var settings = _services.Settings.Load<PersonalizationSettings>();
        settings.TrainingMemoryMegabytes = 4;
        _services.Settings.Save(settings);
        var allowed = TrainingMemoryGuard.MaxEvents(4);
        var now = AdminServices.Now.UtcDateTime;
        _services.Events.Rows.AddRange(Enumerable.Range(1, allowed).Select(i => new PersonalizationEvent
        {
            Id = 1_000 + i, StoreId = 1, CustomerId = 9, ProductId = 1, EventType = (int)InteractionType.View, Quantity = 1,
            CreatedOnUtc = now.AddMinutes(-i)
        }));

        var result = await _services.Training().TrainAsync();

        (result.Trained, result.Capped).Should().Be((true, true));
        result.Interactions.Should().BeLessThanOrEqualTo(allowed);
        var warning = _services.TrainingLogger.Warnings.Should().ContainSingle().Subject;
        warning.Message.Should().Contain("newest").And.Contain("4 MB");
        var state = _services.Settings.Load<PersonalizationTrainingState>();
        (state.GuardHitOnUtc, state.EventsRead, state.GuardMegabytes).Should().Be((now, result.Interactions, 4));

        _services.Clock.Advance(TimeSpan.FromHours(1));
        await _services.Training().TrainAsync();
        _services.TrainingLogger.Warnings.Should().HaveCount(1, "an hour later the owner has been told already");

        settings.TrainingMemoryMegabytes = 0;
        _services.Settings.Save(settings);
        (await _services.Training().TrainAsync()).Capped.Should().BeFalse("0 means the default guard, which holds this shop");
        _services.Settings.Load<PersonalizationTrainingState>().GuardHitOnUtc.Should().BeNull("the status card stops warning");
    }

    [Test]
    public async Task ANodeOtherThanTheNamedOneDoesNotTrain()
    {
        var settings = _services.Settings.Load<PersonalizationSettings>();
        settings.TrainingNode = " another-server ";
        _services.Settings.Save(settings);

        var result = await _services.Training().TrainWithLockAsync();

        (result.Trained, result.SkippedBecause).Should().Be((false, "training runs on the node another-server"));
    }

    [Test]
    public async Task TheNamedNodeTrainsWhateverTheCaseOfItsName()
    {
        var settings = _services.Settings.Load<PersonalizationSettings>();
        settings.TrainingNode = Environment.MachineName.ToUpperInvariant();
        _services.Settings.Save(settings);

        (await _services.Training().TrainWithLockAsync()).Trained.Should().BeTrue();
    }
}
