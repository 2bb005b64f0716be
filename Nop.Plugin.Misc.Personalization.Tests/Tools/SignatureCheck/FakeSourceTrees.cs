namespace Nop.Plugin.Misc.Personalization.Tests.Tools.SignatureCheck;

/// <summary>
/// A tiny "real" nopCommerce tree (src/Libraries/Nop.Core, src/Libraries/Nop.Data) and a surface (Nop.Core, Nop.Data)
/// declaring the same things, written differently where spelling must not matter. Tests break one surface file at a time.
/// </summary>
public sealed class FakeSourceTrees : IDisposable
{
    private const string REAL_CORE =
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Nop.Core.Configuration;

        namespace Nop.Core.Configuration
        {
            public partial interface ISettings
            {
            }
        }

        namespace Nop.Core
        {
            public abstract partial class BaseEntity
            {
                public int Id { get; set; }
            }

            public partial interface IWidget
            {
                bool HideInWidgetList { get; }

                Task<IList<string>> GetWidgetZonesAsync();
            }

            public partial class Service
            {
                public const int MAX = 10;

                public static int Count => 0;

                public virtual Task<List<string>> GetAsync(int pageIndex = 0, int pageSize = int.MaxValue, string name = null, Kind kind = Kind.Second)
                {
                    return null;
                }

                public virtual T Load<T>(int id) where T : BaseEntity, new()
                {
                    return default;
                }

                public virtual void Load(string key)
                {
                }

                public event EventHandler Changed;

                public string this[int index] => null;

                public static Service operator +(Service left, Service right) => left;

                public partial class Options
                {
                    public int Size { get; set; }
                }
            }

            public delegate Task Handler(string name, object state);

            public enum Kind
            {
                First = 1,
                Second,
                Third = 10
            }

            public partial class ShopSettings : ISettings
            {
                public bool Enabled { get; set; }
            }

            public partial class Widget : BaseEntity, IDisposable
            {
                public void Dispose()
                {
                }
            }

            public abstract partial class BasePlugin
            {
                public abstract string SystemName { get; }

                public virtual void Install()
                {
                }
            }
        }
        """;

    private const string REAL_DATA =
        """
        using FluentMigrator;
        using Nop.Core;

        namespace Nop.Data
        {
            public partial class Repository
            {
                public virtual BaseEntity Find(int id, LinqToDB.DataType type = LinqToDB.DataType.Undefined)
                {
                    return null;
                }
            }

            public abstract partial class NopMigration : Migration
            {
            }
        }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sigcheck-" + Guid.NewGuid().ToString("N"));

    public FakeSourceTrees()
    {
        SurfaceFiles = new Dictionary<string, string>
        {
            ["Nop.Core/Configuration/ISettings.cs"] = "namespace Nop.Core.Configuration;\n\npublic partial interface ISettings\n{\n}\n",
            ["Nop.Core/BaseEntity.cs"] = "namespace Nop.Core;\n\npublic abstract partial class BaseEntity\n{\n    public int Id { get; set; }\n}\n",
            ["Nop.Core/IWidget.cs"] =
                """
                namespace Nop.Core;

                public partial interface IWidget
                {
                    bool HideInWidgetList { get; }

                    System.Threading.Tasks.Task<System.Collections.Generic.IList<string>> GetWidgetZonesAsync();
                }
                """,
            ["Nop.Core/Service.cs"] =
                """
                namespace Nop.Core;

                public partial class Service
                {
                    public const int MAX = 5 + 5;

                    public static int Count => throw new NotImplementedException();

                    public virtual Task<List<string>> GetAsync(int pageIndex = 0, int pageSize = 2147483647, string name = null, Kind kind = Kind.Second)
                    {
                        throw new NotImplementedException();
                    }

                    public virtual T Load<T>(int id) where T : BaseEntity, new()
                    {
                        throw new NotImplementedException();
                    }

                    public event EventHandler Changed;

                    public string this[int index] => throw new NotImplementedException();

                    public static Service operator +(Service left, Service right) => throw new NotImplementedException();

                    public partial class Options
                    {
                        public int Size { get; set; }
                    }
                }

                public delegate Task Handler(string name, object state);
                """,
            ["Nop.Core/Kind.cs"] = "namespace Nop.Core;\n\npublic enum Kind\n{\n    First = 1,\n    Second = 2,\n    Third = 10\n}\n",
            ["Nop.Core/ShopSettings.cs"] =
                "using Nop.Core.Configuration;\n\nnamespace Nop.Core;\n\npublic partial class ShopSettings : ISettings\n{\n    public bool Enabled { get; set; }\n}\n",
            ["Nop.Core/Widget.cs"] =
                "namespace Nop.Core;\n\npublic partial class Widget : BaseEntity, IDisposable\n{\n    public void Dispose()\n    {\n    }\n}\n",
            ["Nop.Core/BasePlugin.cs"] =
                "namespace Nop.Core;\n\npublic abstract partial class BasePlugin\n{\n    public abstract string SystemName { get; }\n}\n",
            ["Nop.Data/Repository.cs"] =
                """
                using LinqToDB;
                using Nop.Core;

                namespace Nop.Data;

                public partial class Repository
                {
                    public virtual BaseEntity Find(int id, DataType type = DataType.Undefined)
                    {
                        throw new NotImplementedException();
                    }
                }
                """,
            ["Nop.Data/NopMigration.cs"] = "namespace Nop.Data;\n\npublic abstract partial class NopMigration : FluentMigrator.Migration\n{\n}\n"
        };
    }

    public string RealRoot => Path.Combine(_root, "src");

    public string SurfaceRoot => Path.Combine(_root, "surface");

    /// <summary>Surface files by path relative to <see cref="SurfaceRoot"/>; edit before <see cref="Write"/>.</summary>
    public Dictionary<string, string> SurfaceFiles { get; }

    public void Replace(string file, string oldText, string newText)
    {
        SurfaceFiles[file].Should().Contain(oldText, "the test must change the surface");
        SurfaceFiles[file] = SurfaceFiles[file].Replace(oldText, newText);
    }

    public void Move(string file, string newFile)
    {
        SurfaceFiles[newFile] = SurfaceFiles[file];
        SurfaceFiles.Remove(file);
    }

    public FakeSourceTrees Write()
    {
        WriteFile(RealRoot, "Libraries/Nop.Core/Nop.Core.csproj", Csproj(implicitUsings: false));
        WriteFile(RealRoot, "Libraries/Nop.Core/Core.cs", REAL_CORE);
        WriteFile(RealRoot, "Libraries/Nop.Data/Nop.Data.csproj", Csproj(implicitUsings: false, @"..\Nop.Core\Nop.Core.csproj"));
        WriteFile(RealRoot, "Libraries/Nop.Data/Data.cs", REAL_DATA);

        WriteFile(SurfaceRoot, "Nop.Core/Nop.Core.csproj", Csproj(implicitUsings: true));
        WriteFile(SurfaceRoot, "Nop.Data/Nop.Data.csproj", Csproj(implicitUsings: true, "../Nop.Core/Nop.Core.csproj"));
        foreach (var (file, text) in SurfaceFiles)
        {
            WriteFile(SurfaceRoot, file, text);
        }

        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string Csproj(bool implicitUsings, params string[] references)
    {
        var items = string.Concat(references.Select(r => $"<ProjectReference Include=\"{r}\" />"));
        var usings = implicitUsings ? "<ImplicitUsings>enable</ImplicitUsings>" : string.Empty;
        return $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{usings}</PropertyGroup><ItemGroup>{items}</ItemGroup></Project>";
    }

    private static void WriteFile(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path));
        File.WriteAllText(path, text);
    }
}
