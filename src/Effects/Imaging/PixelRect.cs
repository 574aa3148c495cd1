namespace Enhance.Effects.Imaging;

/// <summary>
/// A rectangle of whole pixels in canvas coordinates, half-open: X1 ≤ x &lt; X2, Y1 ≤ y &lt; Y2.
/// Same convention as OFX's OfxRectI, so bounds, render windows and regions of interest pass
/// between the bridge and the effects without translation.
/// </summary>
public readonly record struct PixelRect(int X1, int Y1, int X2, int Y2)
{
    public int Width => X2 - X1;
    public int Height => Y2 - Y1;
    public bool IsEmpty => X2 <= X1 || Y2 <= Y1;
    public long Area => IsEmpty ? 0 : (long)Width * Height;

    public static PixelRect FromSize(int width, int height) => new(0, 0, width, height);

    public bool Contains(int x, int y) => x >= X1 && x < X2 && y >= Y1 && y < Y2;

    public bool Contains(PixelRect other) =>
        other.X1 >= X1 && other.Y1 >= Y1 && other.X2 <= X2 && other.Y2 <= Y2;

    public PixelRect Intersect(PixelRect other)
    {
        var r = new PixelRect(Math.Max(X1, other.X1), Math.Max(Y1, other.Y1),
                              Math.Min(X2, other.X2), Math.Min(Y2, other.Y2));
        return r.IsEmpty ? default : r;
    }

    public PixelRect Union(PixelRect other)
    {
        if (IsEmpty) return other;
        if (other.IsEmpty) return this;
        return new(Math.Min(X1, other.X1), Math.Min(Y1, other.Y1),
                   Math.Max(X2, other.X2), Math.Max(Y2, other.Y2));
    }

    /// <summary>Grows the rectangle by a margin on every side (negative shrinks).</summary>
    public PixelRect Inflate(int dx, int dy) => new(X1 - dx, Y1 - dy, X2 + dx, Y2 + dy);

    public PixelRect Offset(int dx, int dy) => new(X1 + dx, Y1 + dy, X2 + dx, Y2 + dy);

    public override string ToString() => $"({X1},{Y1})-({X2},{Y2}) {Width}x{Height}";
}
