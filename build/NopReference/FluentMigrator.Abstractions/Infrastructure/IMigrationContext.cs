namespace FluentMigrator.Infrastructure;

public interface IMigrationContext
{
}
