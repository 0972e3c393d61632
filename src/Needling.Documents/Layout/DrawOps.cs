using Needling.Documents.Text;
using PdfSharp.Drawing;

namespace Needling.Documents.Layout;

// What a page is drawn from, in points from the top left. Flow items hold these relative to their own top;
// MoveDown places them on the page.
internal abstract record DrawOp
{
    public abstract DrawOp MoveDown(double dy);
}

internal sealed record TextOp(double X, double Baseline, TextLine Line, XColor Color) : DrawOp
{
    public override DrawOp MoveDown(double dy) => this with { Baseline = Baseline + dy };
}

internal sealed record RectOp(XRect Rect, XColor? Fill, XColor? Stroke) : DrawOp
{
    public override DrawOp MoveDown(double dy) => this with { Rect = new XRect(Rect.X, Rect.Y + dy, Rect.Width, Rect.Height) };
}

internal sealed record ImageOp(ImageBlock Image, XRect Rect) : DrawOp
{
    public override DrawOp MoveDown(double dy) => this with { Rect = new XRect(Rect.X, Rect.Y + dy, Rect.Width, Rect.Height) };
}
