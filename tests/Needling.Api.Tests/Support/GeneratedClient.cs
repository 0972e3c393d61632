using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Needling.Api.Tests.Support;

/// <summary>
/// What an integrator does with the published document: NSwag generates a C# client from it, and the client is
/// compiled together with code that uses it (so a wrong type in the document is a compile error or a failed call).
/// </summary>
public static class GeneratedClient
{
    public static async Task<string> GenerateAsync(string openApiJson)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(openApiJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "NeedlingClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings =
            {
                Namespace = "Generated",
                JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson,
            },
        };
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    /// <summary>Compiles the sources against the running framework; throws listing every compiler error.</summary>
    public static Assembly Compile(params string[] sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create($"Generated{Guid.NewGuid():N}", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, "The generated client does not compile:\n" + string.Join('\n', errors.Take(30)));
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }
}
