namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

public sealed class ImpressionFlushOptions
{
    /// <summary>
    /// Short enough that the report is nearly live; a process with nothing counted costs no query.
    /// </summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan FailureLogInterval { get; init; } = TimeSpan.FromMinutes(15);
}
