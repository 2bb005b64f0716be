namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

public sealed record SegmentMembershipOptions
{
    /// <summary>
    /// How often a node checks for memberships stored by another node's training. Profiles are stored at most daily
    /// and the check is one index lookup, so a few minutes' delay costs nothing.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);

    public int PageSize { get; init; } = 10_000;

    /// <summary>
    /// Customer and store pairs held at most. Measured at 200,000 (bench/Benchmarks SegmentMembershipBenchmark):
    /// 31.5 bytes each with the built-in segments (shared lists), 71.5 when every list is unique, so this bound keeps
    /// a node between about 63 and 143 MB. A shop with more segmented customers serves targeted placements to the
    /// first ones by profile id and logs it.
    /// </summary>
    public int MaxCustomers { get; init; } = 2_000_000;
}
