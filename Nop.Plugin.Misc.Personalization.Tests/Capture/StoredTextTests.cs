using Nop.Plugin.Misc.Personalization.Services.Capture;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class StoredTextTests
{
    [TestCase("red shoes", 200, "red shoes")]
    [TestCase("  red\0shoes\r\n ", 200, "red shoes")]
    [TestCase("\0", 200, null)]
    [TestCase("   ", 200, null)]
    [TestCase(null, 200, null)]
    [TestCase("abcdef", 3, "abc")]
    public void CleansAndCuts(string input, int length, string expected)
    {
        StoredText.Clean(input, length).Should().Be(expected);
    }

    [Test]
    public void UnpairedSurrogatesAreDropped()
    {
        StoredText.Clean("a\uD83Db\uDE00c", 200).Should().Be("abc");
    }

    [Test]
    public void CuttingNeverSplitsACharacter()
    {
        var text = "ab\uD83D\uDE00cd";

        StoredText.Clean(text, 3).Should().Be("ab");
        StoredText.Clean(text, 4).Should().Be("ab\uD83D\uDE00");
    }
}
