namespace TaceCds.Validation;
internal static class AssemblyMarker { }
