using FluentMigrator.Builders.Schema.Column;
using FluentMigrator.Builders.Schema.Index;

namespace FluentMigrator.Builders.Schema.Table;

// Unlike the other syntax interfaces, the real one does not derive from IFluentSyntax.
public interface ISchemaTableSyntax
{
    bool Exists();

    ISchemaColumnSyntax Column(string columnName);

    ISchemaIndexSyntax Index(string indexName);
}
