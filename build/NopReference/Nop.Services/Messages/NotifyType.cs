namespace Nop.Services.Messages;

public enum NotifyType
{
    Success,

    Error,

    Warning
}
