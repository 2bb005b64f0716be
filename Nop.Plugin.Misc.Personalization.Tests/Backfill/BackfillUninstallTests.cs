using Nop.Plugin.Misc.Personalization.Services;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Cms;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Tests.Backfill;

[TestFixture]
public class BackfillUninstallTests
{
    [Test]
    public async Task UninstallDeletesTheBackfillState()
    {
        var settings = new InMemorySettings().Handle<PersonalizationBackfillState>().Handle<PersonalizationSettings>();
        settings.Save(new PersonalizationBackfillState { LastOrderId = 42, Completed = true });
        var plugin = new PersonalizationPlugin(Mock.Of<Nop.Services.Common.IGenericAttributeService>(), Mock.Of<ILanguageService>(), Mock.Of<ILocalizationService>(), Mock.Of<INopUrlHelper>(), Mock.Of<Nop.Plugin.Misc.Personalization.Services.Search.IPersonalizedSearch>(), new PluginLifetime(), new PlacementCatalog(), Mock.Of<IPlacementService>(), TestSupport.PlacementFormFactories.NoTitles().Object,
            new Replenishment.MessageTemplateTable().Installer(), new RoleSync.RoleSyncActivityTypes().Installer(),
            Mock.Of<IScheduleTaskService>(), new SegmentStore(Mock.Of<IRepository<PersonalizationSegment>>()), settings.Service, new FakeTimeProvider(), new WidgetSettings { ActiveWidgetSystemNames = [] },
            new Replenishment.MessageTemplateTable().CartInstaller());

        await plugin.UninstallAsync();

        settings.HasAny<PersonalizationBackfillState>().Should().BeFalse();
    }

    [Test]
    public void TheBackfillTaskIsScheduledEveryFiveMinutes()
    {
        PersonalizationDefaults.ScheduleTasks.Should().ContainSingle(task => task.Type == typeof(Tasks.OrderBackfillTask).FullName)
            .Which.Seconds.Should().Be(300);
    }
}
