using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax
    where TNext : IFluentSyntax
    where TNextFk : IFluentSyntax
{
    TNext WithDefaultValue(object value);

    TNext WithColumnDescription(string description);

    TNext Identity();

    TNext Indexed();

    TNext Indexed(string indexName);

    TNext PrimaryKey();

    TNext PrimaryKey(string primaryKeyName);

    TNext Nullable();

    TNext NotNullable();

    TNext Unique();

    TNext Unique(string indexName);

    TNextFk ForeignKey(string primaryTableName, string primaryColumnName);

    TNextFk ForeignKey(string foreignKeyName, string primaryTableName, string primaryColumnName);

    TNextFk ForeignKey(string foreignKeyName, string primaryTableSchema, string primaryTableName, string primaryColumnName);
}
