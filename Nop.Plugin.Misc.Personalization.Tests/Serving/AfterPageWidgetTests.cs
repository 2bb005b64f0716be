using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

/// <summary>
/// Placements that load after the page: the page gets a signed empty slot and no product work; the request after the
/// page fills it for its own customer with the same checks as a placement rendered with the page.
/// </summary>
public partial class WidgetModelBuilderTests
{
    private void LoadAfterPage(int reservedHeight = 0, int segmentId = 0) =>
        _placements.Replace([new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "Bought together", 4, segmentId, 0,
            LoadAfterPage: true, ReservedHeight: reservedHeight)]);

    [Test]
    public async Task APlacementLoadedAfterThePageLeavesASignedEmptySlotAndPreparesNoProduct()
    {
        LoadAfterPage(reservedHeight: 300);

        var model = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        var block = model.Blocks.Should().ContainSingle().Subject;
        block.Products.Should().BeEmpty();
        block.AfterPage.Should().NotBeNull();
        block.AfterPage.EndpointUrl.Should().Be("/personalization/placements");
        block.AfterPage.ReservedHeight.Should().Be(300);
        _tokens.Read(block.AfterPage.Token).Should().BeEquivalentTo(new AfterPageSlot(7, 1, 1, 0, 0, []));
        _modelFactory.Verify(f => f.PrepareProductOverviewModelsAsync(It.IsAny<IEnumerable<Product>>(), It.IsAny<bool>(), It.IsAny<bool>(),
            It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()), Times.Never);
        _tracking.Verify(t => t.RecordImpressionAsync(It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IReadOnlyList<int>>()), Times.Never);
    }

    [Test]
    public async Task WithoutAReservedHeightTheDefaultIsKeptFree()
    {
        LoadAfterPage();

        var model = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        model.Blocks.Single().AfterPage.ReservedHeight.Should().Be(PersonalizationDefaults.AfterPageReservedHeight);
    }

    [Test]
    public async Task WithoutASigningKeyThePlacementRendersWithThePage()
    {
        LoadAfterPage();
        _settings.TrackingKey = null;

        var model = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        var block = model.Blocks.Should().ContainSingle().Subject;
        block.AfterPage.Should().BeNull();
        block.Products.Should().NotBeEmpty();
    }

    [Test]
    public async Task TheRequestAfterThePageFillsTheSlotForItsOwnCustomerWithoutWhatThePageShowed()
    {
        LoadAfterPage();
        var withoutShown = await _newBuilder().BuildAfterPageAsync([new AfterPageSlot(7, 1, 1, 0, 0, [])]);
        var firstPick = withoutShown.Single().Products.First().Id;

        var blocks = await _builder.BuildAfterPageAsync([new AfterPageSlot(7, 1, 1, 0, 0, [firstPick])]);

        var block = blocks.Should().ContainSingle().Subject;
        block.Should().NotBeNull();
        block.AfterPage.Should().BeNull();
        block.Products.Select(p => p.Id).Should().NotBeEmpty().And.NotContain(1).And.NotContain(firstPick);
        block.Tracking.Should().NotBeNull();
        _tracking.Verify(t => t.RecordImpressionAsync(_customer, 1, 7, It.Is<IReadOnlyList<int>>(ids => ids.SequenceEqual(block.Products.Select(p => p.Id)))), Times.Once);
    }

    [Test]
    public async Task TwoSlotsOfOnePageDoNotRepeatEachOthersProducts()
    {
        _placements.Replace([
            new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "Bought together", 2, 0, 0, LoadAfterPage: true),
            new PlacementDefinition(9, 0, "productdetails_before_collateral", nameof(PlacementStrategy.Trending), "Popular", 2, 0, 0, LoadAfterPage: true)
        ]);

        var blocks = await _builder.BuildAfterPageAsync([new AfterPageSlot(7, 1, 1, 0, 0, []), new AfterPageSlot(9, 1, 1, 0, 0, [])]);

        blocks.Should().HaveCount(2).And.AllSatisfy(block => block.Should().NotBeNull());
        blocks[0].Products.Select(p => p.Id).Should().NotIntersectWith(blocks[1].Products.Select(p => p.Id));
    }

    [Test]
    public async Task SlotsOfAnotherStoreOrOfAPlacementNowRenderedWithThePageStayEmpty()
    {
        LoadAfterPage();
        var otherStore = await _builder.BuildAfterPageAsync([new AfterPageSlot(7, 2, 1, 0, 0, []), null]);

        _placements.Replace([new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "Bought together", 4, 0, 0)]);
        var switchedBack = await _builder.BuildAfterPageAsync([new AfterPageSlot(7, 1, 1, 0, 0, [])]);

        otherStore.Should().HaveCount(2).And.AllSatisfy(block => block.Should().BeNull());
        switchedBack.Should().ContainSingle().Which.Should().BeNull();
    }

    [Test]
    public async Task AHeldOutCustomerAndANonMemberGetNothingAfterThePageEither()
    {
        LoadAfterPage(segmentId: 5);
        var notMember = await _builder.BuildAfterPageAsync([new AfterPageSlot(7, 1, 1, 0, 0, [])]);

        LoadAfterPage();
        _holdout.Setup(h => h.IsHeldOutAsync(_customer)).ReturnsAsync(true);
        var heldOut = await _builder.BuildAfterPageAsync([new AfterPageSlot(7, 1, 1, 0, 0, [])]);

        notMember.Single().Should().BeNull();
        heldOut.Single().Should().BeNull();
    }
}
