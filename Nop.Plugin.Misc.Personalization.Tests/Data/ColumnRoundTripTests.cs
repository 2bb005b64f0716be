using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Migrations;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// Values that databases like to bend: nulls, decimals at the column's scale, large binary payloads, timestamps,
/// text at the column's length and outside ASCII.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class ColumnRoundTripTests : MigratedDatabaseTest
{
    private static readonly DateTime Moment = new(2026, 7, 1, 23, 59, 58, DateTimeKind.Utc);

    public ColumnRoundTripTests(DatabaseEngine engine) : base(engine)
    {
    }

    [Test]
    public async Task NullableColumnsKeepNullAndValues()
    {
        var events = Repository<PersonalizationEvent>();
        var predictions = Repository<PersonalizationPrediction>();
        var withoutValues = new PersonalizationEvent { StoreId = 1, Placement = null, Query = null, CreatedOnUtc = Moment };
        var withValues = new PersonalizationEvent { StoreId = 1, Placement = "cart-bottom", Query = "blue jeans", CreatedOnUtc = Moment };
        var notEmailed = new PersonalizationPrediction { StoreId = 11, DueOnUtc = Moment, EmailedOnUtc = null };
        var emailed = new PersonalizationPrediction { StoreId = 11, DueOnUtc = Moment, EmailedOnUtc = Moment.AddDays(-2) };

        await events.InsertAsync(withoutValues);
        await events.InsertAsync(withValues);
        await predictions.InsertAsync(notEmailed);
        await predictions.InsertAsync(emailed);

        var storedWithout = await events.GetByIdAsync(withoutValues.Id);
        storedWithout.Placement.Should().BeNull();
        storedWithout.Query.Should().BeNull();
        var storedWith = await events.GetByIdAsync(withValues.Id);
        storedWith.Placement.Should().Be("cart-bottom");
        storedWith.Query.Should().Be("blue jeans");
        (await predictions.GetByIdAsync(notEmailed.Id)).EmailedOnUtc.Should().BeNull();
        (await predictions.GetByIdAsync(emailed.Id)).EmailedOnUtc.Should().Be(Moment.AddDays(-2));
        (await predictions.GetAllAsync(query => query.Where(prediction => prediction.StoreId == 11 && prediction.EmailedOnUtc == null)))
            .Select(prediction => prediction.Id).Should().Equal(notEmailed.Id);
    }

    [TestCase("0.0001")]
    [TestCase("-12.5")]
    [TestCase("99999999999999.9999")]
    [TestCase("-99999999999999.9999")]
    public async Task DecimalsKeepFourDecimalPlaces(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var events = Repository<PersonalizationEvent>();
        var predictions = Repository<PersonalizationPrediction>();
        var captured = new PersonalizationEvent { Value = value, CreatedOnUtc = Moment };
        var predicted = new PersonalizationPrediction { Score = value, DueOnUtc = Moment };

        await events.InsertAsync(captured);
        await predictions.InsertAsync(predicted);

        (await events.GetByIdAsync(captured.Id)).Value.Should().Be(value);
        (await predictions.GetByIdAsync(predicted.Id)).Score.Should().Be(value);
    }

    [Test]
    public async Task DecimalsBeyondFourPlacesAreRoundedByTheColumn()
    {
        var events = Repository<PersonalizationEvent>();
        var captured = new PersonalizationEvent { Value = 1.23456m, CreatedOnUtc = Moment };

        await events.InsertAsync(captured);

        (await events.GetByIdAsync(captured.Id)).Value.Should().Be(1.2346m);
    }

    [Test]
    public async Task AFiveMegabytePayloadRoundTripsByteForByte()
    {
        var payload = new byte[5 * 1024 * 1024];
        new Random(20260701).NextBytes(payload);
        var snapshots = Repository<PersonalizationModelSnapshot>();
        var snapshot = new PersonalizationModelSnapshot { StoreId = 1, Kind = "recommendations", Version = 1, CreatedOnUtc = Moment, Payload = payload };

        await snapshots.InsertAsync(snapshot);
        var stored = await snapshots.GetByIdAsync(snapshot.Id);

        stored.Payload.Length.Should().Be(payload.Length);
        stored.Payload.AsSpan().SequenceEqual(payload).Should().BeTrue();
        var storedLength = await Database.ScalarAsync<long>(
            $"SELECT octet_length({Database.Quote("Payload")}) FROM {Database.Quote("Personalization_ModelSnapshot")} WHERE {Database.Quote("Id")} = @id", ("id", snapshot.Id));
        storedLength.Should().Be(payload.Length);
    }

    [Test]
    public async Task ABulkInsertedPayloadRoundTripsToo()
    {
        var payload = new byte[300_000];
        new Random(7).NextBytes(payload);
        var snapshots = Repository<PersonalizationModelSnapshot>();
        var snapshot = new PersonalizationModelSnapshot { StoreId = 2, Kind = "recommendations", Version = 2, CreatedOnUtc = Moment, Payload = payload };

        await snapshots.InsertAsync([snapshot]);

        (await snapshots.GetByIdAsync(snapshot.Id)).Payload.Should().Equal(payload);
    }

    [Test]
    public async Task TimestampsRoundTripToTheSecond()
    {
        var events = Repository<PersonalizationEvent>();
        var wholeSecond = new PersonalizationEvent { CreatedOnUtc = Moment };
        var withFraction = new PersonalizationEvent { CreatedOnUtc = Moment.AddMilliseconds(987).AddTicks(6543) };

        await events.InsertAsync(wholeSecond);
        await events.InsertAsync([withFraction]);

        (await events.GetByIdAsync(wholeSecond.Id)).CreatedOnUtc.Should().Be(Moment);
        var storedFraction = (await events.GetByIdAsync(withFraction.Id)).CreatedOnUtc;
        TruncateToSecond(storedFraction).Should().Be(Moment);
        //the migrations' AsDateTime2 is DATETIME on MySQL (FluentMigrator's MySql5 map): whole seconds, fractions cut off
        if (Engine != DatabaseEngine.MySql)
            storedFraction.Should().BeCloseTo(withFraction.CreatedOnUtc, TimeSpan.FromMilliseconds(1));
    }

    [Test]
    public async Task TimestampsCompareInQueries()
    {
        var events = Repository<PersonalizationEvent>();
        var older = new PersonalizationEvent { StoreId = 77, CreatedOnUtc = Moment.AddSeconds(-1) };
        var newer = new PersonalizationEvent { StoreId = 77, CreatedOnUtc = Moment };
        await events.InsertAsync([older, newer]);

        var since = Moment;
        var found = await events.GetAllAsync(query => query.Where(e => e.StoreId == 77 && e.CreatedOnUtc >= since));

        found.Select(e => e.Id).Should().Equal(newer.Id);
    }

    [Test]
    public async Task TextAtTheColumnLengthAndOutsideAsciiRoundTrips()
    {
        var events = Repository<PersonalizationEvent>();
        var query = string.Concat(Enumerable.Repeat("Größe 寸法 ", 40))[..SchemaMigration.QUERY_LENGTH];
        var placement = new string('p', SchemaMigration.PLACEMENT_NAME_LENGTH);
        var captured = new PersonalizationEvent { Query = query, Placement = placement, CreatedOnUtc = Moment };

        await events.InsertAsync(captured);

        var stored = await events.GetByIdAsync(captured.Id);
        stored.Query.Should().Be(query);
        stored.Placement.Should().Be(placement);
        (await events.GetAllAsync(q => q.Where(e => e.Query == query))).Should().ContainSingle();
    }

    private static DateTime TruncateToSecond(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}
