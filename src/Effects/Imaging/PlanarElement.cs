namespace Enhance.Effects.Imaging;

/// <summary>Element type of a planar RGB tensor handed to (or read from) a neural network.</summary>
public enum PlanarElement
{
    /// <summary>32-bit IEEE float, 4 bytes an element.</summary>
    Float32,

    /// <summary>16-bit IEEE half, 2 bytes an element, rounded to nearest even (as <see cref="System.Half"/> does).</summary>
    Float16,
}

public static class PlanarElementExtensions
{
    public static int ByteSize(this PlanarElement element) => element == PlanarElement.Float16 ? 2 : 4;
}
