namespace Nop.Services.Plugins;

public partial class PluginDescriptor : PluginDescriptorBaseInfo, IDescriptor, IComparable<PluginDescriptor>
{
    public PluginDescriptor()
    {
    }

    public virtual string FriendlyName { get; set; }

    public virtual bool Installed { get; set; }

    public int CompareTo(PluginDescriptor other) => throw new NotSupportedException();
}
