namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Configuration
    {
        public const string MANAGE_WIDGETS = $"{nameof(Configuration)}.ManageWidgets";

        public const string MANAGE_PLUGINS = $"{nameof(Configuration)}.ManagePlugins";
    }
}
