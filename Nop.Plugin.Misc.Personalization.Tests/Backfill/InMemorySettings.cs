using System.ComponentModel;
using System.Linq.Expressions;
using System.Reflection;
using Moq;
using Nop.Core.Configuration;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Tests.Backfill;

/// <summary>
/// An <see cref="ISettingService"/> for the settings classes it is told about, keeping values as nopCommerce does: one
/// invariant string per property and store, a fresh instance per load, store values falling back to the shared (store 0) ones.
/// </summary>
public sealed class InMemorySettings
{
    private readonly Dictionary<(string Key, int StoreId), string> _values = new();

    public Mock<ISettingService> Mock { get; } = new();

    public ISettingService Service => Mock.Object;

    /// <summary>
    /// Called after each save through <see cref="Service"/> with the saved settings, to act between two steps of the code under test.
    /// </summary>
    public Action<ISettings> AfterSave { get; set; }

    public InMemorySettings Handle<T>() where T : ISettings, new()
    {
        Mock.Setup(s => s.LoadSettingAsync<T>(It.IsAny<int>())).ReturnsAsync((int storeId) => Load<T>(storeId));
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<int>()))
            .Callback((T settings, int storeId) =>
            {
                Save(settings, storeId);
                AfterSave?.Invoke(settings);
            })
            .Returns(Task.CompletedTask);
        Mock.Setup(s => s.DeleteSettingAsync<T>()).Callback(Delete<T>).Returns(Task.CompletedTask);
        //one property, as SaveSettingAsync(settings, s => s.Property) stores it
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback(new InvocationAction(invocation =>
            {
                var settings = (T)invocation.Arguments[0];
                var property = (PropertyInfo)((MemberExpression)((LambdaExpression)invocation.Arguments[1]).Body).Member;
                _values[(Key<T>(property.Name), (int)invocation.Arguments[2])] =
                    TypeDescriptor.GetConverter(property.PropertyType).ConvertToInvariantString(property.GetValue(settings)) ?? string.Empty;
            }))
            .Returns(Task.CompletedTask);

        return this;
    }

    public T Load<T>(int storeId = 0) where T : ISettings, new()
    {
        var settings = new T();
        foreach (var property in Properties<T>())
        {
            if (_values.TryGetValue((Key<T>(property.Name), storeId), out var value) || _values.TryGetValue((Key<T>(property.Name), 0), out value))
                property.SetValue(settings, TypeDescriptor.GetConverter(property.PropertyType).ConvertFromInvariantString(value));
        }

        return settings;
    }

    public void Save<T>(T settings, int storeId = 0) where T : ISettings, new()
    {
        foreach (var property in Properties<T>())
            _values[(Key<T>(property.Name), storeId)] = TypeDescriptor.GetConverter(property.PropertyType).ConvertToInvariantString(property.GetValue(settings)) ?? string.Empty;
    }

    public bool HasAny<T>() => _values.Keys.Any(key => key.Key.StartsWith(typeof(T).Name.ToLowerInvariant() + ".", StringComparison.Ordinal));

    private void Delete<T>()
    {
        foreach (var key in _values.Keys.Where(key => key.Key.StartsWith(typeof(T).Name.ToLowerInvariant() + ".", StringComparison.Ordinal)).ToList())
            _values.Remove(key);
    }

    private static string Key<T>(string propertyName) => $"{typeof(T).Name}.{propertyName}".ToLowerInvariant();

    private static IEnumerable<System.Reflection.PropertyInfo> Properties<T>() =>
        typeof(T).GetProperties().Where(property => property.CanRead && property.CanWrite);
}
