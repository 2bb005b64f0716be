using FluentAssertions;
using Moq;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

[TestFixture]
public class ReasonSentencesTests
{
    private static readonly IDictionary<string, string> _english = LocaleResources.LoadEnglish();

    private readonly ReasonNames _names = new(
        new Dictionary<int, string> { [5] = "Tent" },
        new Dictionary<int, string> { [2] = "Camping" },
        new Dictionary<int, string> { [3] = "Acme" });

    private static ReasonSentences Sentences()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), 1, false, string.Empty, true))
            .ReturnsAsync((string key, int _, bool _, string _, bool _) => _english.TryGetValue(key, out var value) ? value : string.Empty);
        return new ReasonSentences(localization.Object);
    }

    [Test]
    public void EveryReasonHasAnEnglishSentence()
    {
        Enum.GetValues<ReasonKind>().Select(ReasonSentences.ResourceName)
            .Should().OnlyContain(key => _english.ContainsKey(key));
    }

    [TestCase(ReasonKind.BecauseYouViewed, "Because you looked at Tent")]
    [TestCase(ReasonKind.BoughtAfter, "Often bought about 12 days after Tent")]
    public async Task AProductReasonNamesTheProduct(ReasonKind kind, string expected)
    {
        (await Sentences().SentenceAsync(new Reason(kind, ProductId: 5, Value: 12.4f), _names, 1)).Should().Be(expected);
    }

    [Test]
    public async Task ACategoryReasonNamesTheCategory()
    {
        (await Sentences().SentenceAsync(new Reason(ReasonKind.TrendingInCategory, CategoryId: 2), _names, 1))
            .Should().Be("Popular in Camping right now");
    }

    [Test]
    public async Task AReasonWhoseProductHasNoNameGivesNoSentence()
    {
        (await Sentences().SentenceAsync(new Reason(ReasonKind.BecauseYouBought, ProductId: 99), _names, 1)).Should().BeNull();
    }
}
