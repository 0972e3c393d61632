using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Needling.Load;

internal enum RequestKind
{
    RegisterPatient,
    SearchPatients,
    RecordScreening,
    ListPractitioners,
    CheckEligibility,
}

internal sealed record Failure(RequestKind Kind, string Status, string Body);

internal sealed record KindResult(RequestKind Kind, int Count, int Failed, double PerSecond, double P50Ms, double P99Ms, double MaxMs);

internal sealed record LoadResult(TimeSpan Elapsed, IReadOnlyList<KindResult> Kinds, int Total, int Failed, IReadOnlyList<Failure> Failures)
{
    public double PerSecond => Total / Elapsed.TotalSeconds;
}

/// <summary>
/// A bounded load: N workers, each a desk user (one shared receptionist token) doing a realistic mix until the
/// time is up. Every request goes to 127.0.0.1; every answer is read in full; anything but 2xx is a failure.
/// </summary>
internal sealed class LoadRun(HttpClient client, Guid tanakaId, int clients, TimeSpan duration)
{
    // Share of each request kind, in per cent: a reception desk searches more than it registers.
    private static readonly (RequestKind Kind, int Weight)[] Mix =
    [
        (RequestKind.SearchPatients, 30),
        (RequestKind.CheckEligibility, 25),
        (RequestKind.RecordScreening, 20),
        (RequestKind.RegisterPatient, 15),
        (RequestKind.ListPractitioners, 10),
    ];

    private static readonly string[] GivenNames =
        ["Amelia", "Oliver", "Yuki", "Haruto", "Somchai", "Malee", "Grace", "Noah", "Sakura", "Ren", "Ploy", "Isla", "Kenji", "Ava", "Arthur", "Niran"];

    private static readonly string[] FamilyNames =
        ["Smith", "Jones", "Sato", "Suzuki", "Takahashi", "Wongsakul", "Chaiyaporn", "Taylor", "Brown", "Watanabe", "Evans", "Srisai", "Walker", "Ito", "Kaewmanee", "Hughes"];

    private static readonly string[] Languages = ["en", "ja", "th"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentQueue<Failure> failures = new();
    private int failed;

    public async Task<LoadResult> RunAsync(CancellationToken ct)
    {
        var latencies = Enum.GetValues<RequestKind>().ToDictionary(k => k, _ => new ConcurrentBag<double>());
        var failedByKind = Enum.GetValues<RequestKind>().ToDictionary(k => k, _ => 0);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(() => WorkerAsync(i, deadline, latencies, ct), ct)).ToArray();
        var perWorkerFailures = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var f in perWorkerFailures.SelectMany(x => x))
        {
            failedByKind[f.Key] += f.Value;
        }

        var kinds = latencies.Select(kv =>
        {
            var sorted = kv.Value.ToArray();
            Array.Sort(sorted);
            return new KindResult(kv.Key, sorted.Length, failedByKind[kv.Key], sorted.Length / elapsed.TotalSeconds,
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
        }).ToList();
        return new LoadResult(elapsed, kinds, kinds.Sum(k => k.Count), failed, failures.ToArray());
    }

    private async Task<Dictionary<RequestKind, int>> WorkerAsync(
        int worker, long deadline, Dictionary<RequestKind, ConcurrentBag<double>> latencies, CancellationToken ct)
    {
        var random = new Random(worker + 1);
        var failedHere = new Dictionary<RequestKind, int>();
        var patients = new List<Guid>();
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
        {
            // A worker registers its first patient before it can screen or ask about one.
            var kind = patients.Count == 0 ? RequestKind.RegisterPatient : Pick(random);
            using var request = kind switch
            {
                RequestKind.RegisterPatient => Post("patients", NewPatient(random, worker)),
                RequestKind.SearchPatients => Post("patients/search", new { name = SearchTerm(random) }),
                RequestKind.RecordScreening => Post($"patients/{patients[random.Next(patients.Count)]}/screening", NewScreeningAnswer(random)),
                RequestKind.ListPractitioners => new HttpRequestMessage(HttpMethod.Get, "practitioners"),
                RequestKind.CheckEligibility => Post("eligibility", new
                {
                    patientId = patients[random.Next(patients.Count)],
                    treatmentCode = "MN-PEN",
                    indication = "hyperpigmentation",
                    practitionerId = tanakaId,
                    start = StartWeeksAhead(random, london),
                }),
                _ => throw new InvalidOperationException(kind.ToString()),
            };

            var sent = Stopwatch.GetTimestamp();
            string status;
            string body;
            bool ok;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                body = await response.Content.ReadAsStringAsync(ct);
                ok = response.IsSuccessStatusCode;
                status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                ok = false;
                status = e.GetType().Name;
                body = e.Message;
            }
            latencies[kind].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);

            if (!ok)
            {
                Interlocked.Increment(ref failed);
                failedHere[kind] = failedHere.GetValueOrDefault(kind) + 1;
                if (failures.Count < 200)
                {
                    failures.Enqueue(new Failure(kind, status, body.Length > 600 ? body[..600] + "…" : body));
                }
                continue;
            }
            if (kind == RequestKind.RegisterPatient)
            {
                using var doc = JsonDocument.Parse(body);
                patients.Add(doc.RootElement.GetProperty("patient").GetProperty("id").GetGuid());
            }
        }
        return failedHere;
    }

    private static HttpRequestMessage Post(string path, object body) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json"), Json) };

    /// <summary>What a receptionist types: the first three to five letters of a family name.</summary>
    private static string SearchTerm(Random random)
    {
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        return family[..Math.Min(family.Length, 3 + random.Next(3))];
    }

    private static RequestKind Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var (kind, weight) in Mix)
        {
            if (roll < weight)
            {
                return kind;
            }
            roll -= weight;
        }
        return Mix[^1].Kind;
    }

    private static object NewPatient(Random random, int worker)
    {
        var given = GivenNames[random.Next(GivenNames.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        var n = random.Next(1000);
        return new
        {
            givenName = given,
            familyName = family,
            dateOfBirth = new DateOnly(1950, 1, 1).AddDays(random.Next(55 * 365)),
            preferredLanguage = Languages[random.Next(Languages.Length)],
            // Ofcom's numbers for drama (07700 900000-900999) and the reserved example.com domain: never a real person.
            phone = $"07700 900{n:000}",
            email = $"{given}.{family}.{worker}.{n}@example.com".ToLowerInvariant(),
        };
    }

    private static object NewScreeningAnswer(Random random) => random.Next(4) switch
    {
        0 => new { kind = "allergy", code = random.Next(2) == 0 ? "latex" : "lidocaine" },
        1 => new { kind = "condition", code = "needle-phobia" },
        2 => (object)new { kind = "medication", code = "antiplatelet", name = "Aspirin 75 mg" },
        _ => new
        {
            kind = "skin-finding",
            code = "acne",
            severity = "mild",
            area = "cheeks",
            startedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-random.Next(1, 60)),
        },
    };

    /// <summary>A weekday, 10:00 to 16:00 London time, three to six weeks ahead, with its UTC offset.</summary>
    private static DateTimeOffset StartWeeksAhead(Random random, TimeZoneInfo london)
    {
        var day = DateTime.UtcNow.Date.AddDays(21 + random.Next(22));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var local = DateTime.SpecifyKind(day.AddHours(10 + random.Next(7)), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, london.GetUtcOffset(local));
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
