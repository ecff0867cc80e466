namespace TaceCds.Publishing;
internal static class AssemblyMarker { }
