namespace Nop.Plugin.Misc.Personalization.Engine.Snapshots;

/// <summary>The bytes are not a snapshot this engine can read: wrong magic or version, truncated, or corrupted.</summary>
public sealed class SnapshotFormatException : FormatException
{
    public SnapshotFormatException(string message)
        : base(message)
    {
    }
}
