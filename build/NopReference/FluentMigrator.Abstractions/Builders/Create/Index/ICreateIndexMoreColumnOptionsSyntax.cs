namespace FluentMigrator.Builders.Create.Index;

public interface ICreateIndexMoreColumnOptionsSyntax : ICreateIndexOnColumnSyntax
{
}
