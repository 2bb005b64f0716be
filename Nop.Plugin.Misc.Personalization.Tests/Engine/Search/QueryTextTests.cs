using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class QueryTextTests
{
    [TestCase("  Café   Crème ", "cafe creme")]
    [TestCase("t-shirt, red", "t shirt red")]
    [TestCase("   ", "")]
    [TestCase(null, "")]
    public void QueriesAreCountedInOneForm(string typed, string expected)
    {
        QueryText.Normalize(typed).Should().Be(expected);
    }
}
