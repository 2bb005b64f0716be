using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// The node's serving memory and the training/insights services over real repositories, as the database tests that
/// train and serve (serving, privacy) register them; nopCommerce's customer service and cache are mocks.
/// </summary>
public static class TrainingAndServingServices
{
    public static IServiceCollection AddTrainingAndServing(this IServiceCollection services) => services
        .AddSingleton<ILiveActivity, LiveActivity>()
        .AddSingleton<ICustomerHistory, CustomerHistory>()
        .AddSingleton<IServingCatalog, ServingCatalog>()
        .AddSingleton<IRecommenderHolder, RecommenderHolder>()
        .AddSingleton<IModelRefreshSignal, ModelRefreshSignal>()
        .AddScoped<ProductFactsReader>()
        .AddScoped<ProductAttributeReader>()
        .AddScoped<InteractionReader>()
        .AddScoped<ModelSnapshotStore>()
        .AddScoped<LockRows>()
        .AddScoped<IFarmLock, FarmLock>()
        .AddSingleton<Nop.Plugin.Misc.Personalization.Services.Progress.LongWorkBoard>()
        .AddSingleton<Nop.Plugin.Misc.Personalization.Services.BackInStock.BackInStockWatch>()
        .AddScoped<Nop.Plugin.Misc.Personalization.Services.BackInStock.AvailabilityStartScan>()
        .AddScoped<ModelTrainingService>()
        .AddScoped<SegmentStore>()
        .AddScoped<Nop.Plugin.Misc.Personalization.Services.Messaging.EmailActivityReader>()
        .AddScoped<CustomerInsightsRefresher>()
        .AddSingleton(Mock.Of<Nop.Services.Customers.ICustomerService>())
        .AddSingleton(Mock.Of<Nop.Core.Caching.IStaticCacheManager>());
}
