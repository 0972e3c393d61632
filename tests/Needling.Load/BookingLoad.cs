using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Needling.Load;

/// <summary>What one worker books with: its own practitioner, room and pen, and a fresh patient for every booking.</summary>
internal sealed record BookingLane(Guid Practitioner, Guid Room, Guid Device, IReadOnlyList<Guid> Patients);

internal sealed record BookingFailure(string Status, string Body);

internal sealed record BookingPhase(
    TimeSpan Elapsed, int Requests, int Booked, IReadOnlyList<double> SortedLatenciesMs, IReadOnlyList<int> PerSecond,
    int Failed, IReadOnlyList<BookingFailure> Failures, bool RanOutOfPatients)
{
    public double BookingsPerSecond => Booked / Elapsed.TotalSeconds;

    public double Percentile(double p) => BookingPercentile(SortedLatenciesMs, p);

    public double MaxMs => SortedLatenciesMs.Count == 0 ? double.NaN : SortedLatenciesMs[^1];

    public static double BookingPercentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// N workers in a closed loop, each POSTing /appointments (MN-PEN, with a fresh Idempotency-Key) for its own
/// practitioner, room and pen, a fresh patient each time, at the next free hour: weekdays from tomorrow, starts
/// 09:00 to 17:00 UTC (the default clinic hours, 09:00-18:00 on the clinic's default UTC time zone), so no booking
/// can clash and the 14-day interval rule never applies. Every answer is read in full; anything but 201 counts as
/// a failure and is kept with its body. State carries over from one <see cref="RunAsync"/> to the next, so a
/// warm-up and the measured phase use different slots and patients.
/// </summary>
internal sealed class BookingLoad
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient client;
    private readonly IReadOnlyList<BookingLane> lanes;
    private readonly IReadOnlyList<DateTimeOffset> slots;
    private readonly int[] next;

    public BookingLoad(HttpClient client, IReadOnlyList<BookingLane> lanes, IReadOnlyList<DateTimeOffset> slots)
    {
        this.client = client;
        this.lanes = lanes;
        this.slots = slots;
        next = new int[lanes.Count];
    }

    /// <summary>Bookings made so far, over every phase.</summary>
    public int Used => next.Sum();

    /// <summary>One-hour starts on weekdays from tomorrow, 09:00 to 17:00 UTC: <paramref name="count"/> of them, in order.</summary>
    public static IReadOnlyList<DateTimeOffset> WeekdaySlots(int count, DateTime todayUtc)
    {
        var slots = new List<DateTimeOffset>(count);
        for (var day = todayUtc.Date.AddDays(1); slots.Count < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            for (var hour = 9; hour <= 17 && slots.Count < count; hour++)
            {
                slots.Add(new DateTimeOffset(day.AddHours(hour), TimeSpan.Zero));
            }
        }
        return slots;
    }

    public static HttpRequestMessage BookingRequest(BookingLane lane, Guid patient, DateTimeOffset start)
    {
        var body = new
        {
            patientId = patient,
            practitionerId = lane.Practitioner,
            roomId = lane.Room,
            deviceId = lane.Device,
            treatmentCode = "MN-PEN",
            indication = "hyperpigmentation",
            start,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "appointments")
        {
            Content = JsonContent.Create(body, options: Json, mediaType: new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>
    /// Books until the time is up, one worker per lane; every answer is awaited. With <paramref name="oneClient"/>, a single
    /// worker books in turn on every lane (the next free hour and patient of each), so that it needs no lane of its own.
    /// </summary>
    /// <summary>
    /// For comparison: the same number of workers in a closed loop on a GET that runs one SQL query (e.g. GET /devices),
    /// to see what one authenticated request with one query costs the service and the database.
    /// </summary>
    public static async Task<BookingPhase> RunGetAsync(HttpClient client, string path, int workers, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var ok = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    await response.Content.ReadAsStringAsync(ct);
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref ok : ref failed);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                }
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }, ct)));
        ct.ThrowIfCancellationRequested();
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new BookingPhase(Stopwatch.GetElapsedTime(started), sorted.Length, ok, sorted, [], failed, [], false);
    }

    /// <summary>
    /// Open loop: a booking is sent every 1/<paramref name="perSecond"/> s whatever the answers, each on the next lane in
    /// turn (its next free hour and patient), so the service is offered a steady arrival rate rather than as much as it
    /// can take. Latency counts from the moment a booking was due to be sent, so a service that falls behind shows it.
    /// </summary>
    public async Task<BookingPhase> RunOpenLoopAsync(double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        var completions = new ConcurrentBag<long>();
        var failures = new ConcurrentQueue<BookingFailure>();
        var failed = 0;
        var booked = 0;
        var ranOut = false;
        var started = Stopwatch.GetTimestamp();
        var total = (int)(perSecond * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = started + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
            var w = i % lanes.Count;
            var lane = lanes[w];
            var k = next[w];
            if (k >= lane.Patients.Count || k >= slots.Count)
            {
                ranOut = true;
                break;
            }
            next[w] = k + 1;
            inFlight.Add(Task.Run(async () =>
            {
                using var request = BookingRequest(lane, lane.Patients[k], slots[k]);
                var (ok, status, body) = await SendAsync(request, ct);
                var done = Stopwatch.GetTimestamp();
                latencies.Add(Stopwatch.GetElapsedTime(due, done).TotalMilliseconds);
                completions.Add(done);
                if (ok)
                {
                    Interlocked.Increment(ref booked);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    if (failures.Count < 500)
                    {
                        failures.Enqueue(new BookingFailure(status, body.Length > 800 ? body[..800] + "…" : body));
                    }
                }
            }, ct));
        }
        await Task.WhenAll(inFlight);
        ct.ThrowIfCancellationRequested();
        return Phase(started, latencies, completions, booked, failed, failures, ranOut);
    }

    public async Task<BookingPhase> RunAsync(TimeSpan duration, CancellationToken ct, bool oneClient = false)
    {
        var latencies = new ConcurrentBag<double>();
        var completions = new ConcurrentBag<long>();
        var failures = new ConcurrentQueue<BookingFailure>();
        var failed = 0;
        var booked = 0;
        var ranOut = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var turn = 0;
        async Task Worker(int worker)
        {
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var w = oneClient ? turn++ % lanes.Count : worker;
                var lane = lanes[w];
                var k = next[w];
                if (k >= lane.Patients.Count || k >= slots.Count)
                {
                    Interlocked.Exchange(ref ranOut, 1);
                    return;
                }
                next[w] = k + 1;
                using var request = BookingRequest(lane, lane.Patients[k], slots[k]);
                var sent = Stopwatch.GetTimestamp();
                var (ok, status, body) = await SendAsync(request, ct);
                var done = Stopwatch.GetTimestamp();
                latencies.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                completions.Add(done);
                if (ok)
                {
                    Interlocked.Increment(ref booked);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    if (failures.Count < 500)
                    {
                        failures.Enqueue(new BookingFailure(status, body.Length > 800 ? body[..800] + "…" : body));
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, oneClient ? 1 : lanes.Count).Select(w => Task.Run(() => Worker(w), ct)));
        ct.ThrowIfCancellationRequested();
        return Phase(started, latencies, completions, booked, failed, failures, ranOut != 0);
    }

    private async Task<(bool Ok, string Status, string Body)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return (response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {response.ReasonPhrase}", body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (false, e.GetType().Name, e.Message);
        }
    }

    private static BookingPhase Phase(long started, ConcurrentBag<double> latencies, ConcurrentBag<long> completions, int booked, int failed,
        ConcurrentQueue<BookingFailure> failures, bool ranOut)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var seconds = (int)Math.Ceiling(elapsed.TotalSeconds);
        var perSecond = new int[Math.Max(1, seconds)];
        foreach (var c in completions)
        {
            perSecond[Math.Min(perSecond.Length - 1, (int)Stopwatch.GetElapsedTime(started, c).TotalSeconds)]++;
        }
        return new BookingPhase(elapsed, sorted.Length, booked, sorted, perSecond, failed, failures.ToArray(), ranOut);
    }
}
