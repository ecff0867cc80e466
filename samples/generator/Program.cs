using System.Globalization;
using TaceCds.SampleGenerator;
using TaceCds.SampleGenerator.Population;
using TaceCds.SampleGenerator.Scenarios;

// Usage: dotnet run --project samples/generator -- <output folder>
// Writes one FHIR R4 collection Bundle per synthetic patient as <output>/<patient id>.json.
// Deterministic: fixed dates, a fixed noise seed per patient, no clock reads, stable key order.
//
// Usage: dotnet run --project samples/generator -- --population N [--seed S] <output folder>
// Writes a Bulk Data export (one NDJSON file per resource type) of N patients drawn from the scenarios (seed S, default 1).
const string Usage = "usage: TaceCds.SampleGenerator [--population N [--seed S]] <output folder>";
int? population = null;
var seed = 1;
string? outputFolder = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--population" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        population = n;
    else if (args[i] == "--seed" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        seed = s;
    else if (!args[i].StartsWith('-') && outputFolder is null)
        outputFolder = args[i];
    else
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
if (outputFolder is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (population is { } patients)
{
    var counts = PopulationExport.Write(outputFolder, patients, seed);
    Console.WriteLine($"wrote {patients} patients to {outputFolder}: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
    return 0;
}

Directory.CreateDirectory(outputFolder);
foreach (var record in ScenarioCatalog.All())
{
    var path = Path.Combine(outputFolder, record.Id + ".json");
    File.WriteAllBytes(path, BundleWriter.ToUtf8(record.ToBundle()));
    Console.WriteLine($"wrote {path}");
}
return 0;
