using System.Net;
using System.Text;
using Needling.Consent.Domain;

namespace Needling.Consent.Signing;

/// <summary>
/// The small page a patient opens from the signing link: the form text, a name field, a box to draw the
/// signature (pointer events: finger, pen or mouse), and a submit button. Everything inline, under a
/// nonce-based Content-Security-Policy; every text is HTML-encoded.
/// </summary>
internal static class SigningPageHtml
{
    /// <param name="t">The page's own words, in the patient's language even when the form text is not.</param>
    public static string Form(TemplateContent form, int version, PageText t, string nonce)
    {
        var body = new StringBuilder();
        if (form.Language != t.Lang)
        {
            // Said in the patient's language, before the English text, never silently served instead of theirs.
            body.Append($"<p class=\"notice\" role=\"note\" lang=\"{t.Lang}\">{E(t.NoTranslation)}</p>");
        }
        body.Append($"<h1 lang=\"{form.Language}\">{E(form.Title)}</h1><p class=\"meta\">{E(form.TreatmentCode)} · v{version}</p>");
        foreach (var s in form.Sections)
        {
            body.Append($"<h2>{E(s.Heading)}</h2>");
            foreach (var p in s.Paragraphs)
            {
                body.Append($"<p>{E(p)}</p>");
            }
            if (s.Bullets.Count > 0)
            {
                body.Append("<ul>").AppendJoin("", s.Bullets.Select(b => $"<li>{E(b)}</li>")).Append("</ul>");
            }
        }
        body.Append("<ul class=\"ack\">").AppendJoin("", form.Acknowledgements.Select(a => $"<li>{E(a)}</li>")).Append("</ul>");
        body.Append($"""
            <form id="sign" novalidate>
              <label for="fullName">{E(t.NameLabel)}</label>
              <input id="fullName" name="fullName" autocomplete="name" required maxlength="200">
              <label for="pad">{E(t.SignLabel)}</label>
              <canvas id="pad" width="600" height="200" aria-label="{E(t.SignLabel)}"></canvas>
              <div class="row"><button type="button" id="clear">{E(t.Clear)}</button><button type="submit" id="submit">{E(t.Submit)}</button></div>
              <p id="error" role="alert"></p>
            </form>
            <div id="done" hidden><p>{E(t.Thanks)}</p><p><a id="copy" href="#">{E(t.Download)}</a></p></div>
            <script nonce="{nonce}">{Script(t)}</script>
            """);
        return Page(t.Lang, form.Title, body.ToString(), nonce);
    }

    public static string Message(PageText t, string message, string nonce) =>
        Page(t.Lang, message, $"<p>{E(message)}</p>", nonce);

    private static string Page(string lang, string title, string body, string nonce) => $$"""
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer"><title>{{E(title)}}</title>
        <style nonce="{{nonce}}">
        body{font-family:system-ui,"Noto Sans Thai","Noto Sans JP",sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.6;color:#222}
        h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:1.4rem} .meta{color:#666;font-size:.9rem}
        label{display:block;margin-top:1rem;font-weight:600} input{width:100%;font-size:1.1rem;padding:.5rem;box-sizing:border-box}
        canvas{width:100%;box-sizing:border-box;height:auto;border:2px dashed #888;border-radius:.5rem;touch-action:none;background:#fff}
        .row{display:flex;gap:1rem;margin-top:.5rem} button{font-size:1.1rem;padding:.6rem 1.2rem} #submit{flex:1}
        #error{color:#b00020} .notice{background:#fff4d6;border-left:4px solid #c88a00;padding:.6rem .8rem} .ack li{font-weight:600}
        </style></head><body>{{body}}</body></html>
        """;

    private static string Script(PageText t) => $$"""
        const pad = document.getElementById('pad'), ctx = pad.getContext('2d');
        let drawing = false, marks = 0;
        ctx.lineWidth = 3; ctx.lineCap = 'round'; ctx.strokeStyle = '#002';
        const at = e => { const r = pad.getBoundingClientRect(); return [(e.clientX - r.left) * pad.width / r.width, (e.clientY - r.top) * pad.height / r.height]; };
        pad.addEventListener('pointerdown', e => { drawing = true; pad.setPointerCapture(e.pointerId); ctx.beginPath(); ctx.moveTo(...at(e)); });
        pad.addEventListener('pointermove', e => { if (!drawing) return; ctx.lineTo(...at(e)); ctx.stroke(); marks++; });
        pad.addEventListener('pointerup', () => { drawing = false; });
        document.getElementById('clear').addEventListener('click', () => { ctx.clearRect(0, 0, pad.width, pad.height); marks = 0; });
        document.getElementById('sign').addEventListener('submit', async e => {
          e.preventDefault();
          const error = document.getElementById('error'), name = document.getElementById('fullName');
          if (!name.value.trim()) { name.focus(); return; }
          if (marks < 3) { error.textContent = {{Js(t.NeedSignature)}}; return; }
          document.getElementById('submit').disabled = true;
          const res = await fetch(location.pathname, { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ fullName: name.value, signaturePng: pad.toDataURL('image/png') }) });
          if (res.ok) {
            document.getElementById('sign').hidden = true;
            document.getElementById('done').hidden = false;
            document.getElementById('copy').href = location.pathname + '/pdf';
          } else {
            let detail = {{Js(t.Failed)}};
            try { detail = (await res.json()).detail || detail; } catch { }
            error.textContent = detail; document.getElementById('submit').disabled = false;
          }
        });
        """;

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Js(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
