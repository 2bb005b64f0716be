using Evaluation.Protocol;

namespace Evaluation.Methods;

/// <summary>A recommender as the evaluation sees it: fit on the train events, then a ranked list per user and task.</summary>
public interface IEvaluatedMethod
{
    string Name { get; }

    bool Supports(EvalTask task);

    void Fit(Split split);

    IReadOnlyList<ScoredItem> Recommend(int user, EvalTask task, int count);

    /// <summary>Whether <see cref="Recommend"/> may be called from several threads at once.</summary>
    bool IsThreadSafe => false;
}
