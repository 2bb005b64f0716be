using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.Tests.Views;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

/// <summary>
/// Runs the click script of _PersonalizationTracking.cshtml in Node against a minimal stand-in DOM shaped like a
/// rendered placement, and checks which clicks send which beacons. Skipped where Node is not installed.
/// </summary>
[TestFixture]
public class ClickScriptTests
{
    private const string HARNESS = """
        const sent = [];
        let beaconAccepts = true;
        class El {
          constructor(tag, attrs, children) {
            this.tagName = tag.toUpperCase(); this.attrs = Object.assign({}, attrs || {}); this.children = []; this.parentElement = null; this.listeners = {};
            (children || []).forEach(c => { c.parentElement = this; this.children.push(c); });
          }
          getAttribute(n) { return Object.prototype.hasOwnProperty.call(this.attrs, n) ? this.attrs[n] : null; }
          setAttribute(n, v) { this.attrs[n] = String(v); }
          matches(sel) {
            const m = /^([a-z]*)\[([a-z-]+)\](?::not\(\[([a-z-]+)\]\))?$/.exec(sel);
            if (!m) throw new Error('selector not supported by the stand-in: ' + sel);
            return (!m[1] || this.tagName === m[1].toUpperCase()) && this.getAttribute(m[2]) !== null && (!m[3] || this.getAttribute(m[3]) === null);
          }
          closest(sel) { for (let e = this; e; e = e.parentElement) if (e.matches(sel)) return e; return null; }
          contains(o) { for (let e = o; e; e = e.parentElement) if (e === this) return true; return false; }
          addEventListener(type, f) { (this.listeners[type] = this.listeners[type] || []).push(f); }
        }
        const el = (tag, attrs, ...children) => new El(tag, attrs, children);
        function all(root, sel, found) { if (root.matches(sel)) found.push(root); root.children.forEach(c => all(c, sel, found)); return found; }
        function fire(target, type, button) { const event = { type, button: button || 0, target }; for (let e = target; e; e = e.parentElement) (e.listeners[type] || []).forEach(f => f(event)); }

        const link12 = el('a', { href: '/p12' }), img12 = el('img', {}), button12 = el('button', {}), header = el('a', { href: '/all' });
        const link13 = el('a', { href: '/p13' }), bogus = el('a', { href: '/x' });
        const marker = el('span', { hidden: '', 'data-personalization-tracking': '', 'data-endpoint': '/en/personalization/track/click', 'data-placement': '7', 'data-token': 'tok-en_1' });
        const container = el('div', { class: 'placement' },
          el('h2', {}, header),
          el('div', { 'data-personalization-product': '12' }, el('div', {}, el('a', { href: '/p12x' }, img12), link12, button12)),
          el('div', { 'data-personalization-product': '13' }, link13),
          el('div', { 'data-personalization-product': '1; drop' }, bogus),
          marker);
        const outside = el('a', { href: '/out' });
        const body = el('body', {}, container, el('div', { 'data-personalization-product': '12' }, outside));

        globalThis.document = { querySelectorAll: sel => all(body, sel, []) };
        globalThis.navigator = { sendBeacon: (url, data) => { if (!beaconAccepts) return false; sent.push({ via: 'beacon', url, body: data.toString() }); return true; } };
        globalThis.window = globalThis;
        globalThis.fetch = (url, init) => { sent.push({ via: 'fetch', url, body: init.body.toString(), keepalive: init.keepalive, method: init.method }); return Promise.resolve(); };

        const script = require('fs').readFileSync(process.argv[2], 'utf8');
        new Function(script)();
        new Function(script)();

        const record = [];
        const step = (name, action) => { sent.length = 0; action(); record.push({ name, sent: sent.slice() }); };
        step('link', () => fire(link12, 'click'));
        step('image in link', () => fire(img12, 'click'));
        step('button', () => fire(button12, 'click'));
        step('header link', () => fire(header, 'click'));
        step('outside container', () => fire(outside, 'click'));
        step('bad id', () => fire(bogus, 'click'));
        step('middle click', () => fire(link13, 'auxclick', 1));
        step('right click', () => fire(link13, 'auxclick', 2));
        step('beacon refused', () => { beaconAccepts = false; fire(link13, 'click'); beaconAccepts = true; });
        console.log(JSON.stringify(record));
        """;

    private static Dictionary<string, JsonElement[]> _record;

    [OneTimeSetUp]
    public void RunTheScript()
    {
        var view = File.ReadAllText(Path.Combine(PluginViewsFolder.Path, "Shared", "_PersonalizationTracking.cshtml"));
        var script = Regex.Match(view, @"<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        script.Should().Contain("sendBeacon");

        var folder = Directory.CreateTempSubdirectory("personalization-script-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "script.js"), script);
            File.WriteAllText(Path.Combine(folder, "harness.js"), HARNESS);
            var output = RunNode(Path.Combine(folder, "harness.js"), Path.Combine(folder, "script.js"));
            _record = JsonDocument.Parse(output).RootElement.EnumerateArray()
                .ToDictionary(step => step.GetProperty("name").GetString(), step => step.GetProperty("sent").EnumerateArray().ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("link", "12")]
    [TestCase("image in link", "12")]
    [TestCase("middle click", "13")]
    public void AClickOnAProductLinkSendsOneBeacon(string step, string product)
    {
        var sent = _record[step].Should().ContainSingle("the script ran twice but binds each placement once").Which;

        sent.GetProperty("via").GetString().Should().Be("beacon");
        sent.GetProperty("url").GetString().Should().Be("/en/personalization/track/click");
        sent.GetProperty("body").GetString().Should().Be($"placement=7&product={product}&token=tok-en_1");
    }

    [TestCase("button")]
    [TestCase("header link")]
    [TestCase("outside container")]
    [TestCase("bad id")]
    [TestCase("right click")]
    public void OtherClicksSendNothing(string step)
    {
        _record[step].Should().BeEmpty();
    }

    [Test]
    public void WhenTheBeaconIsRefusedAKeepaliveFetchPosts()
    {
        var sent = _record["beacon refused"].Should().ContainSingle().Which;

        sent.GetProperty("via").GetString().Should().Be("fetch");
        sent.GetProperty("method").GetString().Should().Be("POST");
        sent.GetProperty("keepalive").GetBoolean().Should().BeTrue();
        sent.GetProperty("body").GetString().Should().Be("placement=7&product=13&token=tok-en_1");
    }

    private static string RunNode(string harness, string script)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(harness);
        start.ArgumentList.Add(script);

        Process node;
        try
        {
            node = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("Node.js is not installed; the click script is not exercised here.");
            return null;
        }

        using (node)
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEnd();
            node.WaitForExit(30_000).Should().BeTrue();
            node.ExitCode.Should().Be(0, error);
            return output.Result;
        }
    }
}
