namespace Needling.Documents;

/// <summary>A portrait page size in millimetres.</summary>
public readonly record struct PageSize(double WidthMm, double HeightMm)
{
    /// <summary>ISO A4, 210 × 297 mm.</summary>
    public static PageSize A4 { get; } = new(210, 297);

    /// <summary>ISO A5, 148 × 210 mm (aftercare cards).</summary>
    public static PageSize A5 { get; } = new(148, 210);

    /// <summary>US Letter, 8.5 × 11 in.</summary>
    public static PageSize Letter { get; } = new(215.9, 279.4);
}
