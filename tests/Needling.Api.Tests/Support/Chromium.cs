using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Needling.Api.Tests.Support;

/// <summary>
/// Debian's headless chromium, driven over the Chrome DevTools Protocol (a WebSocket; no packages). One browser per
/// instance, in a fresh profile folder; killed (with its child processes) on dispose, and at process exit as a last
/// resort. As an xunit fixture it starts in <see cref="InitializeAsync"/>.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1000,900",
    ];

    private readonly ConcurrentQueue<string> _stderr = new();
    private Process? _process;
    private string? _profile;
    private CdpConnection? _browser;

    public Uri Endpoint { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var exe = Environment.GetEnvironmentVariable("NEEDLING_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"{exe} not found: apt-get install chromium (tests/run.sh does it as root), or set NEEDLING_CHROMIUM.");
        }
        _profile = Directory.CreateTempSubdirectory("needling-chromium-").FullName;
        var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var flag in Flags)
        {
            psi.ArgumentList.Add(flag);
        }
        psi.ArgumentList.Add($"--user-data-dir={_profile}");
        psi.ArgumentList.Add("--remote-debugging-port=0");
        psi.ArgumentList.Add("about:blank");

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            _stderr.Enqueue(e.Data);
            while (_stderr.Count > 30 && _stderr.TryDequeue(out string? _))
            {
            }
            if (DevToolsLine().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"chromium exited before it was listening. stderr:\n{StderrTail()}"));
        AppDomain.CurrentDomain.ProcessExit += KillAtExit;
        try
        {
            _process.Start();
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            try
            {
                Endpoint = await listening.Task.WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Timed out after {Timeout.TotalSeconds:0} s waiting for chromium to print 'DevTools listening on ws://...'. stderr:\n{StderrTail()}");
            }
            _browser = await CdpConnection.ConnectAsync(Endpoint, "browser");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new tab, with a DevTools connection of its own; close it with DisposeAsync.</summary>
    public async Task<CdpPage> OpenPageAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var targetId = (await browser.SendAsync("Target.createTarget", new { url = "about:blank" })).GetProperty("targetId").GetString()!;
        var connection = await CdpConnection.ConnectAsync(new Uri(Endpoint, $"/devtools/page/{targetId}"), "page");
        var page = new CdpPage(connection, () => browser.SendAsync("Target.closeTarget", new { targetId }));
        await connection.SendAsync("Page.enable");
        await connection.SendAsync("Runtime.enable");
        await connection.SendAsync("Log.enable");
        return page;
    }

    public string StderrTail() => string.Join('\n', _stderr);

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAtExit;
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }
        if (_process is not null)
        {
            Kill(_process);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed (SIGKILL) but not reaped in time; nothing more can be done from here.
            }
            _process.Dispose();
            _process = null;
        }
        if (_profile is not null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still be writing; the temp folder is cleaned by the OS.
            }
            _profile = null;
        }
    }

    private void KillAtExit(object? sender, EventArgs e)
    {
        if (_process is { } p)
        {
            Kill(p);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}

/// <summary>One tab: navigate, evaluate JavaScript, wait for a condition, and real mouse and keyboard input.</summary>
public sealed class CdpPage(CdpConnection cdp, Func<Task> close) : IAsyncDisposable
{
    public sealed record Box(double X, double Y, double Width, double Height)
    {
        public (double X, double Y) At(double fx, double fy) => (X + fx * Width, Y + fy * Height);
    }

    public CdpConnection Cdp => cdp;

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        var loaded = cdp.WaitForEvent("Page.loadEventFired");
        var result = await cdp.SendAsync("Page.navigate", new { url });
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"Navigating to {url} failed: {error.GetString()}");
        }
        try
        {
            await loaded.WaitAsync(HeadlessChromium.Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {HeadlessChromium.Timeout.TotalSeconds:0} s waiting for {url} to load (Page.loadEventFired).{await DiagnosticsAsync()}");
        }
    }

    /// <summary>The value of a JavaScript expression (promises awaited); a thrown error fails with its message.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await cdp.SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var ex))
        {
            var text = ex.TryGetProperty("exception", out var e) && e.TryGetProperty("description", out var d) ? d.GetString() : ex.GetProperty("text").GetString();
            throw new InvalidOperationException($"JavaScript failed: {text}\n  in: {expression}");
        }
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    public async Task<string?> TextAsync(string expression) => (await EvaluateAsync(expression)) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>Polls until <paramref name="condition"/> (JavaScript) is truthy; on timeout says what was awaited and what the page logged.</summary>
    public async Task WaitForAsync(string condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? HeadlessChromium.Timeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await EvaluateAsync($"!!({condition})") is { ValueKind: JsonValueKind.True })
            {
                return;
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
        await Mouse("mouseMoved", x, y, pressed: false);
        await Mouse("mousePressed", x, y, pressed: true);
        await Mouse("mouseReleased", x, y, pressed: false);
    }

    /// <summary>Clicks the element, then types <paramref name="text"/> a key at a time.</summary>
    public async Task TypeAsync(string selector, string text)
    {
        await ClickAsync(selector);
        foreach (var rune in text.EnumerateRunes())
        {
            var key = rune.ToString();
            await cdp.SendAsync("Input.dispatchKeyEvent", new { type = "keyDown", key, text = key, unmodifiedText = key });
            await cdp.SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key });
        }
    }

    /// <summary>Draws each stroke with the left button held, points relative to the element's box (0..1).</summary>
    public async Task DrawAsync(string selector, IEnumerable<IReadOnlyList<(double X, double Y)>> strokes)
    {
        var box = await BoxAsync(selector);
        foreach (var stroke in strokes)
        {
            var (x, y) = box.At(stroke[0].X, stroke[0].Y);
            await Mouse("mouseMoved", x, y, pressed: false);
            await Mouse("mousePressed", x, y, pressed: true);
            foreach (var p in stroke.Skip(1))
            {
                (x, y) = box.At(p.X, p.Y);
                await Mouse("mouseMoved", x, y, pressed: true);
            }
            await Mouse("mouseReleased", x, y, pressed: false);
        }
    }

    private Task<JsonElement> Mouse(string type, double x, double y, bool pressed) =>
        cdp.SendAsync("Input.dispatchMouseEvent", new
        {
            type, x, y,
            button = type == "mouseMoved" && !pressed ? "none" : "left",
            buttons = pressed ? 1 : 0,
            clickCount = type == "mouseMoved" ? 0 : 1,
            pointerType = "mouse",
        });

    /// <summary>A PNG of the whole page, for a failure report or a person to look at.</summary>
    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((await cdp.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true })).GetProperty("data").GetString()!);

    /// <summary>The page's console and errors, and a screenshot saved to the temp folder, for a failure message.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var text = new StringBuilder();
        var console = cdp.Console.ToList();
        text.Append(console.Count == 0 ? "\n  The page logged nothing." : "\n  The page logged:\n    " + string.Join("\n    ", console));
        try
        {
            var file = Path.Combine(Path.GetTempPath(), $"needling-browser-{Guid.NewGuid():N}.png");
            await File.WriteAllBytesAsync(file, await ScreenshotAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            text.Append($"\n  Screenshot: {file}");
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or WebSocketException)
        {
            text.Append($"\n  (no screenshot: {e.Message})");
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await close();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or WebSocketException)
        {
            // the browser is going away anyway
        }
        await cdp.DisposeAsync();
    }
}

/// <summary>One DevTools WebSocket: commands matched to answers by id, events handed to whoever waits for them.</summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _ws;
    private readonly string _name;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<int, (string Method, TaskCompletionSource<JsonElement> Answer)> _pending = new();
    private readonly List<(string Method, TaskCompletionSource<JsonElement> Fired)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextId;

    private CdpConnection(ClientWebSocket ws, string name)
    {
        _ws = ws;
        _name = name;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>What the page wrote to its console, uncaught errors, and browser log entries (CSP violations among them).</summary>
    public ConcurrentQueue<string> Console { get; } = new();

    public static async Task<CdpConnection> ConnectAsync(Uri endpoint, string name)
    {
        var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(HeadlessChromium.Timeout);
        try
        {
            await ws.ConnectAsync(endpoint, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            ws.Dispose();
            throw new TimeoutException($"Timed out after {HeadlessChromium.Timeout.TotalSeconds:0} s connecting to DevTools at {endpoint}.");
        }
        return new CdpConnection(ws, name);
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (method, answer);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _send.WaitAsync();
        try
        {
            await _ws.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _send.Release();
        }
        try
        {
            return await answer.Task.WaitAsync(HeadlessChromium.Timeout);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"Timed out after {HeadlessChromium.Timeout.TotalSeconds:0} s waiting for the {_name}'s answer to {method}.");
        }
    }

    /// <summary>A task for the next event named <paramref name="method"/>; call before the command that causes it.</summary>
    public Task<JsonElement> WaitForEvent(string method)
    {
        var fired = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((method, fired));
        }
        return fired.Task;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _ws.State == WebSocketState.Open)
            {
                var r = await _ws.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // closed; answered below
        }
        foreach (var (id, pending) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                pending.Answer.TrySetException(new InvalidOperationException($"The {_name}'s DevTools connection closed before it answered {pending.Method}."));
            }
        }
    }

    private void Dispatch(JsonElement m)
    {
        if (m.TryGetProperty("id", out var idElement))
        {
            if (_pending.TryRemove(idElement.GetInt32(), out var pending))
            {
                if (m.TryGetProperty("error", out var error))
                {
                    pending.Answer.TrySetException(new InvalidOperationException($"DevTools refused {pending.Method}: {error.GetProperty("message").GetString()}"));
                }
                else
                {
                    pending.Answer.TrySetResult(m.GetProperty("result").Clone());
                }
            }
            return;
        }
        var method = m.GetProperty("method").GetString()!;
        var parameters = m.TryGetProperty("params", out var p) ? p.Clone() : default;
        if (Describe(method, parameters) is { } line)
        {
            Console.Enqueue(line);
        }
        lock (_waiters)
        {
            foreach (var w in _waiters.Where(w => w.Method == method).ToList())
            {
                _waiters.Remove(w);
                w.Fired.TrySetResult(parameters);
            }
        }
    }

    private static string? Describe(string method, JsonElement p) => method switch
    {
        "Runtime.consoleAPICalled" => $"console.{p.GetProperty("type").GetString()}: " +
            string.Join(' ', p.GetProperty("args").EnumerateArray().Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var d) ? d.GetString() : "?")),
        "Runtime.exceptionThrown" => "uncaught: " + (p.GetProperty("exceptionDetails").TryGetProperty("exception", out var e) && e.TryGetProperty("description", out var d)
            ? d.GetString() : p.GetProperty("exceptionDetails").GetProperty("text").GetString()),
        "Log.entryAdded" => $"log.{p.GetProperty("entry").GetProperty("level").GetString()}: {p.GetProperty("entry").GetProperty("text").GetString()}",
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // the socket is aborted below
        }
        _ws.Abort();
        _ws.Dispose();
        _stop.Dispose();
        _send.Dispose();
    }
}
