using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Needling.Api.Tests.Support;

/// <summary>
/// Debian's headless chromium, driven by Playwright (never a browser Playwright downloads: the executable is
/// /usr/bin/chromium, or NEEDLING_CHROMIUM). One browser per instance; each page in a fresh context. As an xunit
/// fixture it starts in <see cref="InitializeAsync"/>.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Playwright adds its own headless and automation switches; these keep Debian's build quiet and offline.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        var exe = Environment.GetEnvironmentVariable("NEEDLING_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"{exe} not found: apt-get install chromium (tests/run.sh does it as root), or set NEEDLING_CHROMIUM.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = exe, Headless = true, Args = Flags, Timeout = (float)Timeout.TotalMilliseconds,
        });
    }

    public async Task<BrowserPage> OpenPageAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return new BrowserPage(await context.NewPageAsync(), context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }
        _playwright?.Dispose();
        _playwright = null;
    }
}

/// <summary>One tab: navigate, evaluate JavaScript, wait for a condition, and real mouse and keyboard input.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPage _page;
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _console = new();

    public BrowserPage(IPage page, IBrowserContext context)
    {
        _page = page;
        _context = context;
        _page.Console += (_, m) => _console.Enqueue($"{m.Type}: {m.Text}");
        _page.PageError += (_, e) => _console.Enqueue($"error: {e}");
    }

    public sealed record Box(double X, double Y, double Width, double Height)
    {
        public (double X, double Y) At(double fx, double fy) => (X + fx * Width, Y + fy * Height);
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        var response = await _page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is null)
        {
            throw new InvalidOperationException($"Navigating to {url} gave no response.{await DiagnosticsAsync()}");
        }
    }

    /// <summary>The value of a JavaScript expression (promises awaited); a thrown error fails with its message.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        try
        {
            return await _page.EvaluateAsync<JsonElement?>(expression) ?? default;
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"JavaScript failed: {e.Message}\n  in: {expression}", e);
        }
    }

    public async Task<string?> TextAsync(string expression) => (await EvaluateAsync(expression)) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>Polls until <paramref name="condition"/> (JavaScript) is truthy; on timeout says what was awaited and what the page logged.</summary>
    public async Task WaitForAsync(string condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? HeadlessChromium.Timeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await EvaluateAsync($"!!({condition})") is { ValueKind: JsonValueKind.True })
                {
                    return;
                }
            }
            catch (InvalidOperationException e) when (e.InnerException is PlaywrightException p && p.Message.Contains("context was destroyed", StringComparison.Ordinal))
            {
                // A form post is loading the next page: ask again once it has.
            }
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what} ({condition}).{await DiagnosticsAsync()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The element's box in viewport CSS pixels, after scrolling it into the middle of the view.</summary>
    public async Task<Box> BoxAsync(string selector)
    {
        var box = await EvaluateAsync($$"""
            (() => { const e = document.querySelector({{JsonSerializer.Serialize(selector)}}); if (!e) return null;
              e.scrollIntoView({ block: 'center', inline: 'center' }); const r = e.getBoundingClientRect();
              return { x: r.left, y: r.top, width: r.width, height: r.height }; })()
            """);
        if (box.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"No element matches {selector}.{await DiagnosticsAsync()}");
        }
        var b = new Box(box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(), box.GetProperty("width").GetDouble(), box.GetProperty("height").GetDouble());
        return b.Width > 0 && b.Height > 0 ? b : throw new InvalidOperationException($"{selector} is not visible (box {b}).");
    }

    /// <summary>A left click in the middle of the element: move, press, release.</summary>
    public async Task ClickAsync(string selector)
    {
        var (x, y) = (await BoxAsync(selector)).At(0.5, 0.5);
        await _page.Mouse.ClickAsync((float)x, (float)y);
    }

    /// <summary>Clicks the element, then types <paramref name="text"/> a key at a time.</summary>
    public async Task TypeAsync(string selector, string text)
    {
        await ClickAsync(selector);
        await _page.Keyboard.TypeAsync(text);
    }

    /// <summary>Draws each stroke with the left button held, points relative to the element's box (0..1).</summary>
    public async Task DrawAsync(string selector, IEnumerable<IReadOnlyList<(double X, double Y)>> strokes)
    {
        var box = await BoxAsync(selector);
        foreach (var stroke in strokes)
        {
            var (x, y) = box.At(stroke[0].X, stroke[0].Y);
            await _page.Mouse.MoveAsync((float)x, (float)y);
            await _page.Mouse.DownAsync();
            foreach (var p in stroke.Skip(1))
            {
                (x, y) = box.At(p.X, p.Y);
                await _page.Mouse.MoveAsync((float)x, (float)y);
            }
            await _page.Mouse.UpAsync();
        }
    }

    /// <summary>A PNG of the whole page, for a failure report or a person to look at.</summary>
    public Task<byte[]> ScreenshotAsync() => _page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });

    /// <summary>The page's console and errors, and a screenshot saved to the temp folder, for a failure message.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var console = _console.ToList();
        var text = console.Count == 0 ? "\n  The page logged nothing." : "\n  The page logged:\n    " + string.Join("\n    ", console);
        try
        {
            var file = Path.Combine(Path.GetTempPath(), $"needling-browser-{Guid.NewGuid():N}.png");
            await File.WriteAllBytesAsync(file, await ScreenshotAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            return text + $"\n  Screenshot: {file}";
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException or IOException)
        {
            return text + $"\n  (no screenshot: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
