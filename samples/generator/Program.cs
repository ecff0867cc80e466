using TaceCds.SampleGenerator;
using TaceCds.SampleGenerator.Scenarios;

// Usage: dotnet run --project samples/generator -- <output folder>
// Writes one FHIR R4 collection Bundle per synthetic patient as <output>/<patient id>.json.
// Deterministic: fixed dates, a fixed noise seed per patient, no clock reads, stable key order.
if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: TaceCds.SampleGenerator <output folder>");
    return 2;
}

var outputFolder = args[0];
Directory.CreateDirectory(outputFolder);
foreach (var record in ScenarioCatalog.All())
{
    var path = Path.Combine(outputFolder, record.Id + ".json");
    File.WriteAllBytes(path, BundleWriter.ToUtf8(record.ToBundle()));
    Console.WriteLine($"wrote {path}");
}
return 0;
