namespace Nop.Data.Migrations;

public enum MigrationProcessType
{
    NoMatter,

    Installation,

    Update
}
