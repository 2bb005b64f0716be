using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>Compiles a small library with Roslyn so the guards can be shown a deliberately broken assembly.</summary>
public static class InMemoryCompiler
{
    public static byte[] Compile(string assemblyName, string source, IEnumerable<string> referencePaths, byte[] publicKey = null,
        LanguageVersion languageVersion = LanguageVersion.Default)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (publicKey != null)
            options = options.WithCryptoPublicKey(ImmutableArray.Create(publicKey)).WithPublicSign(true);
        var references = FrameworkReferences().Concat(referencePaths).Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(languageVersion))], references, options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
            throw new InvalidOperationException("Test source does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }

    public static string CompileToFile(string directory, string assemblyName, string source, IEnumerable<string> referencePaths, byte[] publicKey = null)
    {
        var path = Path.Combine(directory, assemblyName + ".dll");
        File.WriteAllBytes(path, Compile(assemblyName, source, referencePaths, publicKey));
        return path;
    }

    private static IEnumerable<string> FrameworkReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        string[] files = ["System.Private.CoreLib.dll", "System.Runtime.dll", "System.Data.Common.dll", "System.ComponentModel.Primitives.dll", "netstandard.dll"];
        return files
            .Select(file => Path.Combine(runtimeDirectory, file))
            .Where(File.Exists);
    }
}
