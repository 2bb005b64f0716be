using FluentMigrator.Infrastructure;

namespace FluentMigrator;

public abstract class AutoReversingMigration : MigrationBase
{
    public sealed override void Down() => throw null;

    public override void GetDownExpressions(IMigrationContext context) => throw null;
}
