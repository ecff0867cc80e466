namespace TaceCds.Service;
public sealed class Program { public static void Main(string[] args) { } }
