using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Tests.Logging;

[TestFixture]
public class RedactedExceptionTests
{
    private const string EMAIL = "jane.doe@example.com";
    private const string SEARCH = "pregnancy test";

    private sealed class RefusedRow : DbException
    {
        public RefusedRow(string message) : base(message) { }

        public override string SqlState => "22001";
    }

    private sealed class CapturingLogger : ILogger<ShopLog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter) =>
            Lines.Add(formatter(state, exception) + Environment.NewLine + exception);
    }

    private static Exception Thrown()
    {
        try
        {
            try
            {
                throw new RefusedRow($"value too long for type character varying(200): '{SEARCH}' of {EMAIL}");
            }
            catch (Exception inner)
            {
                throw new InvalidOperationException($"could not store the event of {EMAIL}", inner);
            }
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [Test]
    public void TheShopsLogAndTheConsoleGetTypeCodeAndStackButNoMessage()
    {
        var console = new CapturingLogger();
        var log = new ShopLog(console, new FakeTimeProvider());

        log.Error("storing captured events failed.", Thrown());
        log.Entries.TryRead(out var entry).Should().BeTrue();

        var written = new[] { entry.Exception.ToString(), console.Lines.Single() };
        written.Should().OnlyContain(text => !text.Contains(EMAIL) && !text.Contains(SEARCH));
        written.Should().OnlyContain(text => text.Contains(typeof(InvalidOperationException).FullName)
            && text.Contains(typeof(RefusedRow).FullName!)
            && text.Contains("SQL state 22001")
            && text.Contains(nameof(Thrown)));
    }

    [Test]
    public void ASocketFailureKeepsItsErrorCode()
    {
        RedactedException.Redact(new SocketException((int)SocketError.ConnectionRefused)).Message.Should().Contain("ConnectionRefused");
    }

    [Test]
    public void RedactingTwiceChangesNothingAndNullStaysNull()
    {
        var once = RedactedException.Redact(Thrown());

        RedactedException.Redact(once).Should().BeSameAs(once);
        RedactedException.Redact(null).Should().BeNull();
    }
}
