using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Segments;

internal static class Profiles
{
    public static CustomerProfile Make(
        int customerId = 1,
        int orders = 1,
        byte recency = 3,
        byte frequency = 3,
        byte monetary = 3,
        LifecycleStage lifecycle = LifecycleStage.Active,
        double? daysSinceLastOrder = 10,
        decimal totalSpent = 100m,
        params Affinity[] affinities)
    {
        var now = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        return new CustomerProfile(
            1,
            customerId,
            now,
            orders,
            totalSpent,
            daysSinceLastOrder == null ? null : now.AddDays(-daysSinceLastOrder.Value),
            daysSinceLastOrder,
            orders >= 2 ? 20 : null,
            recency,
            frequency,
            monetary,
            lifecycle,
            affinities);
    }
}
