using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Plugin.Misc.Personalization.Components;
using Nop.Plugin.Misc.Personalization.Models.CustomerInsights;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Tests.Views;
using Nop.Services.Security;
using Nop.Web.Framework.Models;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Customers;

[TestFixture]
public class CustomerInsightsViewComponentTests
{
    private const string ZONE = "admin_customer_details_block";

    private RecordingShopLog _logger;
    private Mock<IPermissionService> _permissions;
    private Mock<ICustomerInsightsReader> _reader;
    private PersonalizationSettings _settings;
    private CustomerInsightsViewComponent _component;

    [SetUp]
    public void SetUp()
    {
        _logger = new RecordingShopLog();
        _permissions = new Mock<IPermissionService>(MockBehavior.Strict);
        _permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW)).ReturnsAsync(true);
        _reader = new Mock<ICustomerInsightsReader>(MockBehavior.Strict);
        _reader.Setup(r => r.ReadAsync(It.IsAny<int>())).ReturnsAsync((int id) => new CustomerInsightsModel { CustomerId = id });
        _settings = PersonalizationSettings.Defaults();
        _component = new CustomerInsightsViewComponent(_logger, _permissions.Object, _reader.Object, _settings);
    }

    [Test]
    public void TheZoneIsTheAdminCustomerPagesBlock()
    {
        Nop.Web.Framework.Infrastructure.AdminWidgetZones.CustomerDetailsBlock.Should().Be(ZONE);
        StandardPermission.Customers.CUSTOMERS_VIEW.Should().Be("Customers.CustomersView");
    }

    [Test]
    public async Task ACustomerPageShowsWhatTheReaderFound()
    {
        var found = new CustomerInsightsModel { CustomerId = 42 };
        _reader.Setup(r => r.ReadAsync(42)).ReturnsAsync(found);

        var model = await _component.PrepareModelAsync(ZONE, new BaseNopEntityModel { Id = 42 });

        model.Should().BeSameAs(found);
        _permissions.Verify(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW), Times.Once);
    }

    [Test]
    public async Task WithAModelTheComponentRendersTheBlockView()
    {
        //the compile surface's NopViewComponent.View throws instead of rendering: reaching it is the view path
        await FluentActions.Awaiting(() => _component.InvokeAsync(ZONE, new BaseNopEntityModel { Id = 42 }))
            .Should().ThrowAsync<NotSupportedException>();
        _reader.Verify(r => r.ReadAsync(42), Times.Once);

        var view = CustomerInsightsViewComponent.VIEW_PATH;
        view.Should().StartWith(PersonalizationDefaults.ViewsPath);
        File.Exists(Path.Combine(PluginViewsFolder.Path, view[PersonalizationDefaults.ViewsPath.Length..])).Should().BeTrue(view);
    }

    [TestCase("admin_customer_details_buttons")]
    [TestCase("productdetails_bottom")]
    [TestCase("")]
    [TestCase(null)]
    public async Task OtherZonesRenderNothing(string zone)
    {
        await ShouldRenderNothingAsync(zone, new BaseNopEntityModel { Id = 42 });
    }

    [Test]
    public async Task WithoutACustomerModelNothingIsRendered()
    {
        await ShouldRenderNothingAsync(ZONE, null);
        await ShouldRenderNothingAsync(ZONE, "42");
        await ShouldRenderNothingAsync(ZONE, new BaseNopEntityModel { Id = 0 });
    }

    [Test]
    public async Task WithoutPermissionToViewCustomersNothingIsRendered()
    {
        _permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW)).ReturnsAsync(false);

        await ShouldRenderNothingAsync(ZONE, new BaseNopEntityModel { Id = 42 });
        _permissions.Verify(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW), Times.Once);
    }

    [Test]
    public async Task ADisabledPluginRendersNothing()
    {
        _settings.Enabled = false;

        await ShouldRenderNothingAsync(ZONE, new BaseNopEntityModel { Id = 42 });
    }

    [Test]
    public async Task AFailingReadShowsALineAndIsLogged()
    {
        var failure = new InvalidOperationException("database down");
        _reader.Setup(r => r.ReadAsync(42)).ThrowsAsync(failure);

        var model = await _component.PrepareModelAsync(ZONE, new BaseNopEntityModel { Id = 42 });

        model.Should().NotBeNull();
        (model.CustomerId, model.LoadFailed, model.HasData).Should().Be((42, true, false));
        _logger.Entries.Should().ContainSingle()
            .Which.Should().Match<RecordingShopLog.Entry>(entry => entry.Level == RecordingShopLog.Level.Error && entry.Exception == failure);
    }

    private async Task ShouldRenderNothingAsync(string zone, object additionalData)
    {
        var result = await _component.InvokeAsync(zone, additionalData);

        result.Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
        _reader.Verify(r => r.ReadAsync(It.IsAny<int>()), Times.Never);
    }
}
