using SignatureCheck;

namespace Nop.Plugin.Misc.Personalization.Tests.Tools.SignatureCheck;

[TestFixture]
public class ProgramTests
{
    [Test]
    public void MissingFolderIsAUsageError()
    {
        Run(Path.GetTempPath(), Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).Should().Be(2);
    }

    [Test]
    public void WrongArgumentCountIsAUsageError()
    {
        Run(Path.GetTempPath()).Should().Be(2);
    }

    [Test]
    public void ExitCodeIsOneWithMismatchesAndZeroWithout()
    {
        using var trees = new FakeSourceTrees();
        trees.Write();
        Run(trees.RealRoot, trees.SurfaceRoot).Should().Be(0);

        trees.Replace("Nop.Core/Kind.cs", "Third = 10", "Third = 11");
        trees.Write();
        Run(trees.RealRoot, trees.SurfaceRoot).Should().Be(1);
    }

    private static int Run(params string[] args)
    {
        var entryPoint = typeof(SignatureChecker).Assembly.EntryPoint;
        var output = Console.Out;
        var error = Console.Error;
        try
        {
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            return (int)entryPoint.Invoke(null, [args]);
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
        }
    }
}
