using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class RowHeapsTests
{
    [Test]
    public void KeepsTheBestKPerRowBestFirst()
    {
        var heaps = new RowHeaps(2, 3);
        heaps.Offer(0, 10, 0.5, 1);
        heaps.Offer(0, 11, 2.0, 2);
        heaps.Offer(0, 12, 1.0, 3);
        heaps.Offer(0, 13, 0.1, 4);
        heaps.Offer(0, 14, 3.0, 5);
        heaps.Offer(1, 20, 7.0, 6);

        var items = new int[3];
        var scores = new double[3];
        var support = new float[3];
        heaps.Drain(0, items, scores, support).Should().Be(3);
        items.Should().Equal(14, 11, 12);
        scores.Should().Equal(3.0, 2.0, 1.0);
        support.Should().Equal(5f, 2f, 3f);
        heaps.Drain(1, items, scores, support).Should().Be(1);
        items[0].Should().Be(20);
    }

    [Test]
    public void TiesGoToTheSmallerIndexWhateverTheArrivalOrder()
    {
        var forward = new RowHeaps(1, 2);
        var backward = new RowHeaps(1, 2);
        for (var item = 0; item < 6; item++)
        {
            forward.Offer(0, item, 1.0, item);
            backward.Offer(0, 5 - item, 1.0, 5 - item);
        }
        var a = new int[2];
        var b = new int[2];
        forward.Drain(0, a, new double[2], new float[2]);
        backward.Drain(0, b, new double[2], new float[2]);
        a.Should().Equal(0, 1);
        b.Should().Equal(0, 1);
    }

    [Test]
    public void MergingWorkersGivesTheSameTopKAsOneWorker()
    {
        var single = new RowHeaps(1, 4);
        var first = new RowHeaps(1, 4);
        var second = new RowHeaps(1, 4);
        double[] values = { 5, 1, 9, 3, 7, 2, 8, 6 };
        for (var item = 0; item < values.Length; item++)
        {
            single.Offer(0, item, values[item], 0);
            (item % 2 == 0 ? first : second).Offer(0, item, values[item], 0);
        }
        first.Merge(second);
        var expected = new int[4];
        var merged = new int[4];
        single.Drain(0, expected, new double[4], new float[4]);
        first.Drain(0, merged, new double[4], new float[4]);
        expected.Should().Equal(2, 6, 4, 7);
        merged.Should().Equal(expected);
    }
}
