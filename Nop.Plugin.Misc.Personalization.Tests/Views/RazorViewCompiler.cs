using Microsoft.AspNetCore.Mvc.Razor.Extensions;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Intermediate;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Razor;

namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// Compiles views the way MVC's runtime compilation does: the Razor engine with the MVC extensions, view imports
/// found up the folder tree, tag helpers discovered in the referenced assemblies, then Roslyn on the generated C#.
/// </summary>
public sealed class RazorViewCompiler
{
    // nopCommerce 4.90 runs on .NET 9, whose default C# version is 13
    private static readonly CSharpParseOptions _parseOptions = new(LanguageVersion.CSharp13);

    // the same version-unification warnings MVC's compiler silences
    private static readonly Dictionary<string, ReportDiagnostic> _silencedWarnings = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
        ["CS1705"] = ReportDiagnostic.Suppress
    };

    private readonly RazorProjectFileSystem _fileSystem;
    private readonly RazorProjectEngine _projectEngine;
    private readonly IReadOnlyList<MetadataReference> _references;

    public RazorViewCompiler(string viewsRoot, IReadOnlyList<MetadataReference> references)
    {
        _references = references;
        _fileSystem = RazorProjectFileSystem.Create(viewsRoot);
        _projectEngine = RazorProjectEngine.Create(RazorConfiguration.Default, _fileSystem, builder =>
        {
            RazorExtensions.Register(builder);
            builder.Features.Add(new DefaultMetadataReferenceFeature { References = references });
            builder.Features.Add(new CompilationTagHelperFeature());
            builder.Features.Add(new DefaultTagHelperDescriptorProvider());
            CompilerFeatures.Register(builder);
            builder.Features.Add(new ViewComponentTagHelperDescriptorProvider());
            builder.SetCSharpLanguageVersion(_parseOptions.LanguageVersion);
        });
    }

    /// <param name="viewPath">Path inside the views root, starting with "/".</param>
    public IReadOnlyList<ViewDiagnostic> Compile(string viewPath)
    {
        var item = _fileSystem.GetItem(viewPath, fileKind: null);
        if (!item.Exists)
            throw new FileNotFoundException($"No view {viewPath} in {_fileSystem}", viewPath);

        var codeDocument = _projectEngine.Process(item);
        var generated = codeDocument.GetCSharpDocument();
        var razorErrors = generated.Diagnostics
            .Where(diagnostic => diagnostic.Severity == RazorDiagnosticSeverity.Error)
            .Select(ToViewDiagnostic)
            .ToList();
        if (razorErrors.Count > 0)
            return razorErrors;

        return CompileCSharp(generated.GeneratedCode, item.PhysicalPath);
    }

    /// <summary>
    /// The view as the Razor engine understands it, before C# is generated: what it writes, in order.
    /// </summary>
    /// <param name="viewPath">Path inside the views root, starting with "/".</param>
    public DocumentIntermediateNode Parse(string viewPath)
    {
        var item = _fileSystem.GetItem(viewPath, fileKind: null);
        if (!item.Exists)
            throw new FileNotFoundException($"No view {viewPath} in {_fileSystem}", viewPath);

        return _projectEngine.Process(item).GetDocumentIntermediateNode();
    }

    private List<ViewDiagnostic> CompileCSharp(string code, string viewFile)
    {
        var syntaxTree = CSharpSyntaxTree.ParseText(code, _parseOptions, path: viewFile + ".g.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(_silencedWarnings);
        var compilation = CSharpCompilation.Create("View_" + Guid.NewGuid().ToString("N"), [syntaxTree], _references, options);

        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return result.Diagnostics
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(ToViewDiagnostic)
            .ToList();
    }

    private static ViewDiagnostic ToViewDiagnostic(RazorDiagnostic diagnostic) =>
        new(diagnostic.Span.FilePath, diagnostic.Span.LineIndex + 1, diagnostic.Id, diagnostic.GetMessage());

    // generated code carries #line directives, so a mapped span points into the .cshtml file
    private static ViewDiagnostic ToViewDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return new ViewDiagnostic(span.Path, span.StartLinePosition.Line + 1, diagnostic.Id, diagnostic.GetMessage());
    }
}
