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
    /// Customer and store pairs held at most: about 60 MB (measured ~29 bytes each at 200,000, docs/architecture.md).
    /// A shop with more segmented customers serves targeted placements to the first ones by profile id and logs it.
    /// </summary>
    public int MaxCustomers { get; init; } = 2_000_000;
}
