using System.Linq.Expressions;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// Makes valid rows of one entity for the repository tests. Every row carries a marker in an int column so a
/// test finds its own rows; the other values vary with the seed so mixed-up columns show.
/// </summary>
public abstract class EntitySamples<TEntity> where TEntity : BaseEntity
{
    protected static readonly DateTime Moment = new(2026, 3, 14, 15, 9, 26, DateTimeKind.Utc);

    public abstract TEntity Create(int marker, int seed);

    /// <summary>
    /// Changes every column but Id and the marker.
    /// </summary>
    public abstract void Change(TEntity entity);

    public abstract Expression<Func<TEntity, bool>> HasMarker(int marker);
}

public sealed class EventSamples : EntitySamples<PersonalizationEvent>
{
    public override PersonalizationEvent Create(int marker, int seed) => new()
    {
        StoreId = marker,
        CustomerId = 1000 + seed,
        EventType = (byte)(seed % 10),
        ProductId = 2000 + seed,
        Quantity = seed % 5 + 1,
        Value = 10.25m + seed,
        OrderId = seed % 2 == 0 ? 0 : 3000 + seed,
        Placement = seed % 2 == 0 ? null : $"home-{seed}",
        Query = seed % 3 == 0 ? $"red shoes {seed}" : null,
        CreatedOnUtc = Moment.AddMinutes(seed)
    };

    public override void Change(PersonalizationEvent entity)
    {
        entity.CustomerId += 1;
        entity.EventType = (byte)((entity.EventType + 1) % 10);
        entity.ProductId += 1;
        entity.Quantity += 1;
        entity.Value += 0.0001m;
        entity.OrderId += 1;
        entity.Placement = entity.Placement is null ? "changed" : null;
        entity.Query = entity.Query is null ? "changed" : null;
        entity.CreatedOnUtc = entity.CreatedOnUtc.AddDays(1);
    }

    public override Expression<Func<PersonalizationEvent, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class ModelSnapshotSamples : EntitySamples<PersonalizationModelSnapshot>
{
    public override PersonalizationModelSnapshot Create(int marker, int seed) => new()
    {
        StoreId = marker,
        Kind = $"kind-{seed}",
        Version = seed,
        Part = seed % 3,
        PartCount = seed % 3 + 1,
        CreatedOnUtc = Moment.AddHours(seed),
        Payload = Enumerable.Range(0, 16 + seed).Select(i => (byte)(i * 7 + seed)).ToArray()
    };

    public override void Change(PersonalizationModelSnapshot entity)
    {
        entity.Kind += "-changed";
        entity.Version += 1;
        entity.Part += 1;
        entity.PartCount += 2;
        entity.CreatedOnUtc = entity.CreatedOnUtc.AddDays(1);
        entity.Payload = entity.Payload.Reverse().Append((byte)255).ToArray();
    }

    public override Expression<Func<PersonalizationModelSnapshot, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class PlacementSamples : EntitySamples<PersonalizationPlacement>
{
    public override PersonalizationPlacement Create(int marker, int seed) => new()
    {
        StoreId = marker,
        WidgetZone = $"productdetails_bottom_{seed}",
        Strategy = seed % 2 == 0 ? "similar" : "bought-together",
        Title = seed % 2 == 0 ? null : $"You may also like {seed}",
        Count = 4 + seed,
        SegmentId = seed,
        Enabled = seed % 2 == 0,
        DisplayOrder = seed
    };

    public override void Change(PersonalizationPlacement entity)
    {
        entity.WidgetZone += "_changed";
        entity.Strategy = "trending";
        entity.Title = entity.Title is null ? "Trending" : null;
        entity.Count += 1;
        entity.SegmentId += 1;
        entity.Enabled = !entity.Enabled;
        entity.DisplayOrder += 1;
    }

    public override Expression<Func<PersonalizationPlacement, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class SegmentSamples : EntitySamples<PersonalizationSegment>
{
    public override PersonalizationSegment Create(int marker, int seed) => new()
    {
        Name = $"Loyal {seed}",
        RuleDefinition = seed % 2 == 0 ? null : $"lifecycle = loyal and monetary >= {seed}",
        CustomerRoleId = marker,
        DisplayOrder = seed,
        Enabled = seed % 2 == 1,
        RoleLink = seed % 3,
        RoleLinkedOnUtc = seed % 2 == 0 ? null : Moment.AddDays(seed),
        RoleLinkedByCustomerId = 8000 + seed
    };

    public override void Change(PersonalizationSegment entity)
    {
        entity.Name += " (changed)";
        entity.RuleDefinition = entity.RuleDefinition is null ? "recency >= 4" : null;
        entity.DisplayOrder += 1;
        entity.Enabled = !entity.Enabled;
        entity.RoleLink = (entity.RoleLink + 1) % 3;
        entity.RoleLinkedOnUtc = entity.RoleLinkedOnUtc is null ? Moment : null;
        entity.RoleLinkedByCustomerId += 1;
    }

    public override Expression<Func<PersonalizationSegment, bool>> HasMarker(int marker) => entity => entity.CustomerRoleId == marker;
}

public sealed class ProfileSamples : EntitySamples<PersonalizationProfile>
{
    public override PersonalizationProfile Create(int marker, int seed) => new()
    {
        CustomerId = 5000 + seed,
        StoreId = marker,
        SegmentIds = seed % 2 == 0 ? null : $"{seed},{seed + 1}",
        Recency = (byte)(seed % 5 + 1),
        Frequency = (byte)((seed + 1) % 5 + 1),
        Monetary = (byte)((seed + 2) % 5 + 1),
        LifecycleStage = (byte)(seed % 4),
        Affinities = seed % 3 == 0 ? null : $"c{seed}:0.83;m3:0.41",
        LastComputedOnUtc = Moment.AddSeconds(seed),
        Orders = seed,
        TotalSpent = 12.5m * seed,
        LastOrderOnUtc = seed % 2 == 0 ? null : Moment.AddDays(-seed),
        MedianGapDays = seed % 2 == 0 ? null : 10.5m + seed,
        ProbabilityAlive = seed % 2 == 0 ? null : 0.1234m,
        ExpectedPurchases90Days = seed % 2 == 0 ? null : 2.75m + seed
    };

    public override void Change(PersonalizationProfile entity)
    {
        entity.CustomerId += 1;
        entity.SegmentIds = entity.SegmentIds is null ? "7" : null;
        entity.Recency = (byte)(entity.Recency % 5 + 1);
        entity.Frequency = (byte)(entity.Frequency % 5 + 1);
        entity.Monetary = (byte)(entity.Monetary % 5 + 1);
        entity.LifecycleStage = (byte)((entity.LifecycleStage + 1) % 4);
        entity.Affinities = entity.Affinities is null ? "p2:0.66" : null;
        entity.LastComputedOnUtc = entity.LastComputedOnUtc.AddDays(1);
        entity.Orders += 3;
        entity.TotalSpent += 1.25m;
        entity.LastOrderOnUtc = entity.LastOrderOnUtc is null ? Moment : null;
        entity.MedianGapDays = entity.MedianGapDays is null ? 30.5m : null;
        entity.ProbabilityAlive = entity.ProbabilityAlive is null ? 0.9876m : null;
        entity.ExpectedPurchases90Days = entity.ExpectedPurchases90Days is null ? 12.34m : null;
    }

    public override Expression<Func<PersonalizationProfile, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class PredictionSamples : EntitySamples<PersonalizationPrediction>
{
    public override PersonalizationPrediction Create(int marker, int seed) => new()
    {
        CustomerId = 6000 + seed,
        StoreId = marker,
        ProductId = 7000 + seed,
        Kind = (byte)(seed % 2),
        DueOnUtc = Moment.AddDays(seed),
        Score = 0.5m + seed / 1000m,
        EmailedOnUtc = seed % 2 == 0 ? null : Moment.AddDays(seed - 1),
        AnchorProductId = seed % 2 == 0 ? 0 : 7500 + seed,
        AnchorOnUtc = seed % 2 == 0 ? null : Moment.AddDays(-seed)
    };

    public override void Change(PersonalizationPrediction entity)
    {
        entity.CustomerId += 1;
        entity.ProductId += 1;
        entity.Kind = (byte)((entity.Kind + 1) % 2);
        entity.DueOnUtc = entity.DueOnUtc.AddDays(1);
        entity.Score += 0.0001m;
        entity.EmailedOnUtc = entity.EmailedOnUtc is null ? Moment : null;
        entity.AnchorProductId += 1;
        entity.AnchorOnUtc = entity.AnchorOnUtc is null ? Moment.AddDays(-3) : null;
    }

    public override Expression<Func<PersonalizationPrediction, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class ErasureSamples : EntitySamples<PersonalizationErasure>
{
    public override PersonalizationErasure Create(int marker, int seed) => new()
    {
        CustomerId = marker,
        ErasedOnUtc = Moment.AddMinutes(seed)
    };

    public override void Change(PersonalizationErasure entity)
    {
        entity.ErasedOnUtc = entity.ErasedOnUtc.AddHours(1);
    }

    public override Expression<Func<PersonalizationErasure, bool>> HasMarker(int marker) => entity => entity.CustomerId == marker;
}

public sealed class RoleMappingSamples : EntitySamples<PersonalizationRoleMapping>
{
    public override PersonalizationRoleMapping Create(int marker, int seed) => new()
    {
        SegmentId = marker,
        CustomerRoleId = 9000 + seed,
        CustomerId = 9500 + seed,
        AddedOnUtc = Moment.AddMinutes(seed)
    };

    public override void Change(PersonalizationRoleMapping entity)
    {
        entity.CustomerRoleId += 1;
        entity.CustomerId += 1;
        entity.AddedOnUtc = entity.AddedOnUtc.AddDays(1);
    }

    public override Expression<Func<PersonalizationRoleMapping, bool>> HasMarker(int marker) => entity => entity.SegmentId == marker;
}

public sealed class LockSamples : EntitySamples<PersonalizationLock>
{
    //the name is unique: the marker and the seed make it so, and its prefix finds a test's rows
    public override PersonalizationLock Create(int marker, int seed) => new()
    {
        Name = $"{Prefix(marker)}lock-{seed}",
        Holder = $"node-{seed}/{seed:x8}",
        AcquiredOnUtc = Moment.AddMinutes(seed),
        ExpiresOnUtc = Moment.AddMinutes(seed + 10)
    };

    public override void Change(PersonalizationLock entity)
    {
        entity.Name += "-changed";
        entity.Holder += "-changed";
        entity.AcquiredOnUtc = entity.AcquiredOnUtc.AddSeconds(1);
        entity.ExpiresOnUtc = entity.ExpiresOnUtc.AddHours(1);
    }

    public override Expression<Func<PersonalizationLock, bool>> HasMarker(int marker)
    {
        var prefix = Prefix(marker);
        return entity => entity.Name.StartsWith(prefix);
    }

    private static string Prefix(int marker) => $"m{marker}:";
}

public sealed class ImpressionCountSamples : EntitySamples<PersonalizationImpressionCount>
{
    public override PersonalizationImpressionCount Create(int marker, int seed) => new()
    {
        StoreId = marker,
        PlacementId = 9000 + seed,
        DayUtc = Moment.Date.AddDays(seed),
        Counter = $"node-{seed}:{marker}",
        Renders = seed,
        ProductsShown = 4L * seed + int.MaxValue
    };

    public override void Change(PersonalizationImpressionCount entity)
    {
        entity.Renders += 1;
        entity.ProductsShown += 4;
        entity.Counter += "+";
    }

    public override Expression<Func<PersonalizationImpressionCount, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class CartReminderSamples : EntitySamples<PersonalizationCartReminder>
{
    //one row per customer and store (unique): the seed makes the customer
    public override PersonalizationCartReminder Create(int marker, int seed) => new()
    {
        StoreId = marker,
        CustomerId = 10_000 + seed,
        Fingerprint = $"{seed:x16}",
        CartChangedOnUtc = Moment.AddMinutes(seed),
        FirstSentOnUtc = Moment.AddMinutes(seed + 60),
        SecondSentOnUtc = seed % 2 == 0 ? null : Moment.AddDays(1)
    };

    public override void Change(PersonalizationCartReminder entity)
    {
        entity.CustomerId += 1_000_000;
        entity.Fingerprint = "ffffffffffffffff";
        entity.FirstSentOnUtc = entity.FirstSentOnUtc.AddHours(1);
        entity.SecondSentOnUtc = entity.SecondSentOnUtc == null ? Moment.AddDays(2) : null;
    }

    public override Expression<Func<PersonalizationCartReminder, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}

public sealed class EmailSendSamples : EntitySamples<PersonalizationEmailSend>
{
    public override PersonalizationEmailSend Create(int marker, int seed) => new()
    {
        StoreId = marker,
        CustomerId = seed,
        Kind = 1 + seed % 3,
        SentOnUtc = Moment.AddMinutes(seed)
    };

    public override void Change(PersonalizationEmailSend entity)
    {
        entity.CustomerId += 1;
        entity.Kind = 2;
        entity.SentOnUtc = entity.SentOnUtc.AddHours(1);
    }

    public override Expression<Func<PersonalizationEmailSend, bool>> HasMarker(int marker) => entity => entity.StoreId == marker;
}
