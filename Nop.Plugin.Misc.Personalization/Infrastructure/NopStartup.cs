using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.AfterPage;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Health;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Progress;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

/// <summary>
/// Registers the plugin's services. Consumers, settings, controllers and view components are found by nopCommerce itself.
/// </summary>
public class NopStartup : INopStartup
{
    public int Order => 3000;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PluginLifetime>();
        services.AddSingleton<ShopLog>();
        services.AddSingleton<IShopLog>(provider => provider.GetRequiredService<ShopLog>());
        services.AddHostedService<ShopLogWriter>();
        services.AddSingleton<IPlacementCatalog, PlacementCatalog>();
        services.AddSingleton(new RetentionOptions());
        services.AddScoped<EventRetentionService>();

        services.AddSingleton(EventSinkFactory.Create);
        services.AddScoped<IEventStore, EventStore>();
        services.AddHostedService<EventWriter>();
        services.AddSingleton<ILiveActivity, LiveActivity>();
        services.AddScoped<InteractionCapture>();
        services.AddScoped<OrderLineCapture>();

        services.AddSingleton<GdprConsentAnswers>();
        services.AddScoped<IPersonalizationConsent, PersonalizationConsent>();
        services.AddScoped<UnconsentedCustomers>();
        services.AddScoped<IdentifiedDataRemoval>();
        services.AddScoped<StoreConsentModes>();
        services.AddScoped<ConsentModeSwitch>();
        services.AddScoped<ConsentModelFactory>();
        services.AddScoped<CartMigrationTracker>();
        services.AddScoped<CartOrderTracker>();

        //models and serving
        services.AddSingleton<IServingCatalog, ServingCatalog>();
        services.AddSingleton<IRecommenderHolder, RecommenderHolder>();
        services.AddSingleton<IModelRefreshSignal, ModelRefreshSignal>();
        services.AddScoped<ProductFactsReader>();
        services.AddScoped<ProductAttributeReader>();
        services.AddScoped<AttributeNames>();
        services.AddScoped<InteractionReader>();
        services.AddScoped<ModelSnapshotStore>();
        services.AddSingleton<LongWorkBoard>();
        services.AddScoped<ModelTrainingService>();
        services.AddSingleton<BackgroundTrainer>();
        services.AddSingleton<ITrainingRequests>(provider => provider.GetRequiredService<BackgroundTrainer>());
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundTrainer>());
        services.AddHostedService<ModelRefresher>();
        services.AddSingleton<ICustomerHistory, CustomerHistory>();
        services.AddHostedService<CustomerHistoryLoader>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<ShowableProducts>();
        services.AddScoped<WidgetModelBuilder>();
        services.AddSingleton<ProductBoxCache>();

        //search
        services.AddSingleton<ISearchIndexHolder, SearchIndexHolder>();
        services.AddSingleton<SearchIndexPatches>();
        services.AddScoped<SearchDocumentReader>();
        services.AddScoped<SearchLogReader>();
        services.AddScoped<SearchClickTokens>();
        services.AddScoped<SearchDelegation>();
        services.AddScoped<SearchClickTracking>();
        services.AddScoped<IPersonalizedSearch, PersonalizedSearch>();
        services.AddScoped<SearchPreview>();
        services.AddHostedService<SearchIndexRefresher>();
        services.AddScoped<ProductBoxPreparer>();

        //farm lock
        services.AddScoped<LockRows>();
        services.AddScoped<IFarmLock, FarmLock>();
        //farm lock end

        //backfill
        services.AddScoped<PurchaserIds>();
        services.AddScoped<OrderBackfillService>();
        services.AddSingleton<BackgroundBackfill>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundBackfill>());
        //end backfill

        //placements
        services.AddScoped<IPlacementService, PlacementService>();
        services.AddScoped<PlacementTitles>();
        services.AddScoped<LongWorkModelFactory>();
        services.AddScoped<IPlacementSource>(provider => provider.GetRequiredService<IPlacementService>());
        services.AddScoped<PlacementModelFactory>();
        services.AddSingleton<PlacementCatalogRefresher>();
        services.AddSingleton<IPlacementCatalogRefresh>(provider => provider.GetRequiredService<PlacementCatalogRefresher>());
        services.AddHostedService(provider => provider.GetRequiredService<PlacementCatalogRefresher>());
        //placements end

        //measurement
        services.AddScoped<IHoldout, Holdout>();
        services.AddScoped<ClickTokens>();
        services.AddScoped<IPlacementTracking, PlacementTracking>();
        services.AddSingleton<ImpressionTally>();
        services.AddSingleton(new ImpressionFlushOptions());
        services.AddScoped<ImpressionCountStore>();
        services.AddScoped<LegacyImpressionConversion>();
        services.AddHostedService<ImpressionFlusher>();
        services.AddSingleton<ClickRateLimiter>();
        //measurement end

        //placements loaded after the page
        services.AddScoped<AfterPageTokens>();
        services.AddSingleton<AfterPageRateLimiter>();
        //placements loaded after the page end

        //customer insights
        services.AddScoped<SegmentStore>();
        services.AddScoped<CustomerInsightsRefresher>();
        services.AddScoped<InsightsSchedule>();
        //customer insights end

        //admin
        services.AddScoped<PlacementReportService>();
        services.AddSingleton<PlacementReportCache>();
        services.AddScoped<PerformanceModelFactory>();
        services.AddScoped<StatusModelFactory>();
        services.AddScoped<RecentEventCounts>();
        services.AddScoped<HealthFactsReader>();
        services.AddScoped<HealthModelFactory>();
        //admin end

        //customer insights block
        services.AddScoped<ShopNames>();
        services.AddScoped<PriceBandNames>();
        services.AddScoped<ICustomerInsightsReader, CustomerInsightsReader>();
        //customer insights block end

        //segments admin
        services.AddScoped<ISegmentService, SegmentService>();
        services.AddScoped<SegmentModelFactory>();
        //segments admin end

        //segment targeting
        services.AddSingleton<ISegmentMembership, SegmentMembership>();
        services.AddScoped<SegmentMembershipReader>();
        services.AddSingleton<SegmentMembershipRefresher>();
        services.AddSingleton<ISegmentMembershipRefresh>(provider => provider.GetRequiredService<SegmentMembershipRefresher>());
        services.AddHostedService(provider => provider.GetRequiredService<SegmentMembershipRefresher>());
        services.AddScoped<PlacementTargeting>();
        services.AddScoped<SegmentChoices>();
        //segment targeting end

        //role sync
        services.AddScoped<SyncableRoles>();
        services.AddScoped<SegmentMemberReader>();
        services.AddScoped<RoleMembers>();
        services.AddScoped<SegmentRoleSync>();
        services.AddScoped<RoleMappingLedger>();
        services.AddScoped<RoleLinkPermission>();
        services.AddScoped<SegmentRoleLinker>();
        services.AddScoped<RoleSyncActivityLog>();
        //role sync end

        //replenishment e-mails
        services.AddSingleton(new ReplenishmentEmailOptions());
        services.AddScoped<ReplenishmentEmailTemplate>();
        services.AddScoped<ReplenishmentProductLinks>();
        services.AddScoped<ReplenishmentEmailService>();
        services.AddSingleton<BackInStockWatch>();
        services.AddScoped<AvailabilityStartScan>();
        services.AddSingleton<IBackInStockOffers, BackInStockOffers>();
        services.AddScoped<BackInStockEmailTemplate>();
        services.AddScoped<BackInStockEmailService>();
        services.AddScoped<BackInStockOfferService>();
        services.AddHostedService<BackInStockWorker>();
        services.AddScoped<ReminderConsent>();
        services.AddScoped<ReminderOptOut>();
        services.AddSingleton<EmailLinkRateLimiter>();
        //replenishment e-mails end

        //e-mail engagement: sends, the open pixel, tracked clicks
        services.AddScoped<IEmailTracking, EmailTracking>();
        services.AddScoped<EmailSiteRoot>();
        services.AddScoped<PersonalBlocks>();
        services.AddScoped<PersonalBlockTokens>();
        services.AddScoped<ShopMessageSends>();
        services.AddScoped<EmailEngagement>();
        services.AddSingleton<EmailOpenMemory>();
        services.AddSingleton<EmailTrackingRateLimiter>();
        //e-mail engagement end
        //abandoned-cart e-mails and what all plugin e-mails share
        services.AddScoped<PluginEmailQueue>();
        services.AddScoped<EmailSendLog>();
        services.AddScoped<EmailActivityReader>();
        services.AddScoped<EmailSendHousekeeping>();
        services.AddScoped<ProfileFactTexts>();
        services.AddScoped<EmailSendLock>();
        services.AddSingleton(new AbandonedCartEmailOptions());
        services.AddScoped<AbandonedCartEmailTemplate>();
        services.AddScoped<AbandonedCartReader>();
        services.AddScoped<AbandonedCartLinks>();
        services.AddScoped<RecipientPrices>();
        services.AddScoped<AbandonedCartRunLog>();
        services.AddScoped<AbandonedCartEmailService>();
        services.AddScoped<CartReturn>();
        //abandoned-cart e-mails end

        //the shopper's own page
        services.AddScoped<ReasonSentences>();
        services.AddScoped<MyPersonalizationModelFactory>();
        //the shopper's own page end

        //erase and export
        services.AddSingleton(new ErasureOptions());
        services.AddSingleton<ErasedCustomers>();
        services.AddSingleton<CustomerEviction>();
        services.AddHostedService<ErasurePoller>();
        services.AddScoped<CustomerKeyedTables>();
        services.AddScoped<CustomerForgetting>();
        services.AddScoped<CustomerDataEraser>();
        services.AddScoped<ErasureSweep>();
        services.AddScoped<ConsentEnforcement>();
        services.AddScoped<CustomerDataExport>();
        //erase and export end
    }

    public void Configure(IApplicationBuilder application)
    {
    }
}
