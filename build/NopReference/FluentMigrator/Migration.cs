using FluentMigrator.Builders.Delete;

namespace FluentMigrator;

public abstract class Migration : MigrationBase
{
    public IDeleteExpressionRoot Delete => throw null;
}
