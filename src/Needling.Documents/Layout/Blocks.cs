namespace Needling.Documents.Layout;

// The document model as the builder records it: small immutable records, laid out only at Render().
internal abstract record Block;

internal sealed record ParagraphBlock(IReadOnlyList<Run> Runs) : Block;

internal sealed record HeadingBlock(IReadOnlyList<Run> Runs, int Level) : Block;

internal sealed record BulletListBlock(IReadOnlyList<IReadOnlyList<Run>> Items) : Block;

internal sealed record TableBlock(IReadOnlyList<double> Widths, IReadOnlyList<string>? Header, IReadOnlyList<IReadOnlyList<string>> Rows, bool KeepWithNext = false) : Block;

internal sealed record ImageBlock(byte[] Data, double WidthMm, int PixelWidth, int PixelHeight) : Block;

internal sealed record PageBreakBlock : Block;
