using System.Globalization;
using FluentMigrator;

namespace Nop.Data.Migrations;

// Unlike the rest of the surface this attribute works: FluentMigrator's runner instantiates it in the tests.
// The version is the ticks of the date string, read in the formats 4.90 accepts.
public partial class NopMigrationAttribute : MigrationAttribute
{
    private static readonly string[] _dateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy.MM.dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss:fffffff", "yyyy.MM.dd HH:mm:ss:fffffff", "yyyy/MM/dd HH:mm:ss:fffffff"
    ];

    private readonly MigrationProcessType _targetMigrationProcess;

    public NopMigrationAttribute(string dateTime, string description, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(DateTime.ParseExact(dateTime, _dateFormats, CultureInfo.InvariantCulture).Ticks, description)
    {
        _targetMigrationProcess = targetMigrationProcess;
    }

    public virtual MigrationProcessType TargetMigrationProcess => _targetMigrationProcess;
}
