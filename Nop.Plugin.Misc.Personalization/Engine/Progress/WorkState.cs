namespace Nop.Plugin.Misc.Personalization.Engine.Progress;

public enum WorkState
{
    NotStarted = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3
}
