using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using FluentMigrator.Infrastructure;

namespace FluentMigrator;

public abstract class MigrationBase : IMigration
{
    public string ConnectionString { get => throw null; protected set => throw null; }

    public abstract void Up();

    public abstract void Down();

    public virtual void GetUpExpressions(IMigrationContext context) => throw null;

    public virtual void GetDownExpressions(IMigrationContext context) => throw null;

    public IAlterExpressionRoot Alter => throw null;

    public ICreateExpressionRoot Create => throw null;

    public ISchemaExpressionRoot Schema => throw null;
}
