namespace FluentMigrator;

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public class MigrationAttribute : Attribute
{
    public MigrationAttribute(long version, string description) => throw null;

    public long Version => throw null;

    public string Description => throw null;

    public bool BreakingChange { get => throw null; set => throw null; }
}
