namespace LinkCheck;

public sealed record LinkFailure(string Assembly, string Subject, string Problem)
{
    public override string ToString() => $"{Assembly}: {Subject}: {Problem}";
}

/// <summary>What a run found: failures (the exit code), notes (things it could not verify) and how much it checked.</summary>
public sealed class LinkReport
{
    private readonly List<LinkFailure> _failures = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyList<LinkFailure> Failures => _failures;

    public IReadOnlyList<string> Notes => _notes;

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Fail(string assembly, string subject, string problem) => _failures.Add(new LinkFailure(assembly, subject, problem));

    public void Note(string note) => _notes.Add(note);

    public void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}
