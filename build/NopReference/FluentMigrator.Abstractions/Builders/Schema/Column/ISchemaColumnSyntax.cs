using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Schema.Column;

public interface ISchemaColumnSyntax : IFluentSyntax
{
    bool Exists();
}
