namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// The health checklist at the top of the configuration page: on a fresh install it says what to do next; after the
/// shop's events are in and a model is trained, those lines turn green.
/// </summary>
public partial class PersonalizationInShopTests
{
    private static readonly string[] _healthItems = ["Events", "Backfill", "Model", "Zones", "Renders", "Holdout", "Emails"];

    [Test, Order(230)]
    public void B4_A_fresh_installs_health_checklist_says_what_to_do_next()
    {
        var page = Configuration().Open();

        var lines = page.HealthLines();
        lines.Select(line => line.Item).Should().Equal(_healthItems, "one line per item, in setup order");
        lines.Single(line => line.Item == "Model").Should().Be(("Model", "Problem", "NoModel"), "nothing is trained on a fresh install");
        lines.Single(line => line.Item == "Holdout").State.Should().Be("Good", "the default holdout is in place");
        page.HealthNextStep().Should().StartWith("Next step:", "a fresh install is told what to do next");
    }

    [Test, Order(630)]
    public void F4_After_training_the_health_checklist_shows_events_arriving_and_a_fresh_model()
    {
        var page = Configuration().Open();

        var lines = page.HealthLines();
        lines.Single(line => line.Item == "Events").Should().Be(("Events", "Good", "EventsArriving"), "steps C–E recorded the shoppers' events");
        lines.Single(line => line.Item == "Model").Should().Be(("Model", "Good", "ModelFresh"), "step F3 trained a model this server serves");
        lines.Single(line => line.Item == "Backfill").State.Should().Be("Good", "step F1 backfilled the order history");
    }
}
