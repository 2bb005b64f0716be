namespace Nop.Plugin.Misc.Personalization.Services.Logging;

public sealed record ShopLogEntry(bool IsError, string Message, Exception Exception);
