using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class SnapshotTests
{
    private static readonly TrainingOptions _options = new()
    {
        Similar = new NeighbourOptions { MinSupport = 1 },
        BoughtTogether = new NeighbourOptions { MinSupport = 1 },
        Sequential = new NeighbourOptions { MinSupport = 1 },
        Scoring = new ScoringOptions { RepeatWeight = 3.5, ActivityExponent = 0.25 }
    };

    private static IReadOnlyList<Interaction> Events()
    {
        return SyntheticEvents.Generate(products: 200, customers: 150, events: 4000, seed: 7);
    }

    private static ProductFacts[] Facts()
    {
        return Enumerable.Range(1, 200).Select(p => EventsBuilder.Facts(p, 1 + p % 7, p % 5, 5m + p % 13)).ToArray();
    }

    [Test]
    public void RoundTripKeepsEverything()
    {
        var snapshot = EngineTrainer.Train(Events(), Facts(), _options, EventsBuilder.Now);
        var bytes = SnapshotSerializer.Serialize(snapshot);
        var loaded = SnapshotSerializer.Deserialize(bytes);

        SnapshotSerializer.Serialize(loaded).Should().Equal(bytes);
        loaded.Scoring.Should().Be(snapshot.Scoring);
        loaded.TrainedUtc.Should().Be(snapshot.TrainedUtc);
        loaded.Catalog.Count.Should().Be(snapshot.Catalog.Count);
        loaded.Sequential.HasLags.Should().BeTrue();

        var history = Events().Where(e => e.CustomerId == 3).ToArray();
        var before = new Recommender(snapshot).ForCustomer(history, EventsBuilder.Now, 10);
        var after = new Recommender(loaded).ForCustomer(history, EventsBuilder.Now, 10);
        after.Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Test]
    public void StreamRoundTrip()
    {
        var snapshot = EngineTrainer.Train(Events(), Facts(), _options, EventsBuilder.Now);
        using var stream = new MemoryStream();
        SnapshotSerializer.Write(snapshot, stream);
        stream.Position = 0;
        SnapshotSerializer.Serialize(SnapshotSerializer.Read(stream)).Should().Equal(stream.ToArray());
    }

    [Test]
    public void SameInputGivesSameBytesWhateverTheEventOrder()
    {
        var events = Events();
        var shuffled = events.OrderBy(e => (e.CustomerId * 7919 + e.ProductId * 31) % 1000).ThenByDescending(e => e.TimeUtc).ToList();
        var a = SnapshotSerializer.Serialize(EngineTrainer.Train(events, Facts(), _options, EventsBuilder.Now));
        var b = SnapshotSerializer.Serialize(EngineTrainer.Train(shuffled, Facts().Reverse().ToArray(), _options, EventsBuilder.Now));
        b.Should().Equal(a);
    }

    [Test]
    public void AnArrayAListAndALazySequenceOfTheSameEventsGiveTheSameBytes()
    {
        var events = Events();
        var purchasesOnly = events.Where(e => e.Type == InteractionType.Purchase).ToList();

        foreach (var log in new[] { events, purchasesOnly })
        {
            var fromList = SnapshotSerializer.Serialize(EngineTrainer.Train(log.ToList(), Facts(), _options, EventsBuilder.Now));
            var fromArray = SnapshotSerializer.Serialize(EngineTrainer.Train(log.ToArray(), Facts(), _options, EventsBuilder.Now));
            var fromSequence = SnapshotSerializer.Serialize(EngineTrainer.Train(log.Select(e => e), Facts(), _options, EventsBuilder.Now));

            fromArray.Should().Equal(fromList);
            fromSequence.Should().Equal(fromList);
        }
    }

    [Test]
    public void ParallelTrainingGivesTheSameBytesRunAfterRun()
    {
        //rows of popular products outgrow their heaps and reuse arrays: a race there shows as a different snapshot now and then
        var events = SyntheticEvents.Generate(products: 400, customers: 600, events: 30000, seed: 11);
        var options = _options with { NeighbourCount = 5 };
        var sequential = SnapshotSerializer.Serialize(EngineTrainer.Train(events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now));

        for (var run = 0; run < 8; run++)
        {
            var parallel = SnapshotSerializer.Serialize(EngineTrainer.Train(events, Array.Empty<ProductFacts>(), options with { Parallelism = 2 }, EventsBuilder.Now));
            parallel.Should().Equal(sequential, $"run {run}");
        }
    }

    [Test]
    public void ParallelTrainingGivesTheSameBytes()
    {
        var events = SyntheticEvents.Generate(products: 3000, customers: 400, events: 20000, seed: 3);
        var a = SnapshotSerializer.Serialize(EngineTrainer.Train(events, Array.Empty<ProductFacts>(), _options, EventsBuilder.Now));
        var b = SnapshotSerializer.Serialize(EngineTrainer.Train(events, Array.Empty<ProductFacts>(), _options with { Parallelism = 2 }, EventsBuilder.Now));
        b.Should().Equal(a);
    }

    [Test]
    public void HeaderHasMagicAndVersion()
    {
        var bytes = SnapshotSerializer.Serialize(EngineTrainer.Train(Events(), Facts(), _options, EventsBuilder.Now));
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).Should().Be("NPRS");
        BitConverter.ToUInt16(bytes, 4).Should().Be(SnapshotSerializer.FORMAT_VERSION);
        BitConverter.ToInt64(bytes, 8).Should().Be(bytes.Length - SnapshotSerializer.HEADER_SIZE);
    }

    [Test]
    public void DetectsCorruption()
    {
        var bytes = SnapshotSerializer.Serialize(EngineTrainer.Train(Events(), Facts(), _options, EventsBuilder.Now));
        foreach (var position in new[] { SnapshotSerializer.HEADER_SIZE + 3, bytes.Length / 2, bytes.Length - 1 })
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[position] ^= 0x40;
            var act = () => SnapshotSerializer.Deserialize(corrupted);
            act.Should().Throw<SnapshotFormatException>().WithMessage("*checksum*");
        }
    }

    [Test]
    public void RejectsWrongMagicVersionAndTruncation()
    {
        var bytes = SnapshotSerializer.Serialize(EngineTrainer.Train(Events(), Facts(), _options, EventsBuilder.Now));
        var magic = (byte[])bytes.Clone();
        magic[0] = (byte)'X';
        ((Action)(() => SnapshotSerializer.Deserialize(magic))).Should().Throw<SnapshotFormatException>().WithMessage("*magic*");

        var version = (byte[])bytes.Clone();
        version[4] = 99;
        ((Action)(() => SnapshotSerializer.Deserialize(version))).Should().Throw<SnapshotFormatException>().WithMessage("*version*");

        ((Action)(() => SnapshotSerializer.Deserialize(bytes.AsSpan(0, bytes.Length - 10)))).Should().Throw<SnapshotFormatException>();
        ((Action)(() => SnapshotSerializer.Deserialize(bytes.AsSpan(0, 10)))).Should().Throw<SnapshotFormatException>();
    }

    [Test]
    public void EmptyShopTrainsServesAndRoundTrips()
    {
        var snapshot = EngineTrainer.Train(Array.Empty<Interaction>(), Array.Empty<ProductFacts>(), new TrainingOptions(), EventsBuilder.Now);
        var loaded = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(snapshot));
        var recommender = new Recommender(loaded);
        recommender.ForCustomer(new[] { EventsBuilder.Viewed(1, 42, 1) }, EventsBuilder.Now, 10).Should().BeEmpty();
        recommender.Trending(null, 10, EventsBuilder.Now).Should().BeEmpty();
        recommender.CartCrossSell(new[] { 42 }, 10).Should().BeEmpty();
    }
}
