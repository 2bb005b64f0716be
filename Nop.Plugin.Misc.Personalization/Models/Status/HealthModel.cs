using Nop.Plugin.Misc.Personalization.Engine.Health;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>The health checklist at the top of the configuration page: one list per store.</summary>
public sealed class HealthModel
{
    public bool Unavailable { get; set; }

    public IList<StoreHealthModel> Stores { get; set; } = [];
}

public sealed record StoreHealthModel(int StoreId, string StoreName, IReadOnlyList<HealthLineModel> Lines, HealthLineModel NextStep);

public sealed record HealthLineModel(HealthItem Item, HealthState State, HealthReason Reason, string Title, string Text);
