using System.Data.Common;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Services.Logging;

/// <summary>
/// What the shop's log keeps of an exception: its type, the database's error code where there is one, and where it
/// was thrown; never its message. Messages may quote personal data: a database quotes the values it refused (SQL
/// Server does for text too long and for duplicate keys), and other libraries echo their input.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _stackTrace;

    private RedactedException(Exception original)
        : base(Describe(original), Redact(original.InnerException))
    {
        OriginalType = original.GetType().FullName;
        _stackTrace = original.StackTrace;
    }

    public string OriginalType { get; }

    public override string StackTrace => _stackTrace;

    public static Exception Redact(Exception exception) => exception switch
    {
        null => null,
        RedactedException redacted => redacted,
        _ => new RedactedException(exception)
    };

    public override string ToString()
    {
        var text = new StringBuilder(Message);
        if (InnerException != null)
            text.Append(" ---> ").Append(InnerException).AppendLine().Append("   --- End of inner exception stack trace ---");
        if (!string.IsNullOrEmpty(_stackTrace))
            text.AppendLine().Append(_stackTrace);

        return text.ToString();
    }

    private static string Describe(Exception exception)
    {
        var type = exception.GetType().FullName;
        return exception switch
        {
            DbException { SqlState: { Length: > 0 } state } => $"{type} (SQL state {state})",
            DbException database => $"{type} (error code {database.ErrorCode})",
            SocketException socket => $"{type} ({socket.SocketErrorCode})",
            HttpRequestException { StatusCode: { } status } => $"{type} (HTTP {(int)status})",
            _ => $"{type} (message not logged: it may hold personal data)"
        };
    }
}
