namespace FluentMigrator;

public abstract class ForwardOnlyMigration : Migration
{
    public sealed override void Down() => throw null;
}
