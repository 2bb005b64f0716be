namespace FluentMigrator.Builders.Create.Index;

public interface ICreateIndexColumnUniqueOptionsSyntax : ICreateIndexOnColumnSyntax
{
}
