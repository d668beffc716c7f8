namespace Smartnumbers.ModelEval.Tests;

/// <summary>The documented evaluation set and its held-out figures, generated and measured once for the test run.</summary>
public sealed class DocumentedSet
{
    public DocumentedSet()
    {
        Calls = EvaluationSetGenerator.Generate();
        Figures = HeldOutEvaluation.Measure(Calls);
    }

    public IReadOnlyList<EvaluationCall> Calls { get; }
    public HeldOutFigures Figures { get; }

    public IEnumerable<EvaluationCall> Of(CallPattern pattern) => Calls.Where(c => c.Pattern == pattern);
}

/// <summary>The test classes that read <see cref="DocumentedSet"/> share one.</summary>
[CollectionDefinition(Name)]
public sealed class DocumentedSetCollection : ICollectionFixture<DocumentedSet>
{
    public const string Name = "documented evaluation set";
}
