using System.Reflection;
using System.Xml.Linq;
using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>
/// The CDS Hooks hot path never loads the validator (~30 s cold start, hundreds of MB): neither the Service assembly's
/// references, followed transitively, nor its project references name it. The Firely POCOs (Hl7.Fhir.R4, through
/// TaceCds.Publishing) are allowed: issue 16 builds the order-sign suggestion resources with them, behind a serializer
/// that inspects only ServiceRequest (docs/performance.md, "FHIR publishing with the Firely SDK").
/// </summary>
public class ServiceIndependenceTests
{
    private static readonly string[] Forbidden = ["TaceCds.Validation", "Firely.Fhir.Validation", "Hl7.Fhir.Specification"];

    [Fact]
    public void The_Service_assembly_does_not_reference_the_validator_or_Firely_even_transitively()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([typeof(TaceCds.Service.Program).Assembly]);
        while (queue.Count > 0)
        {
            foreach (var name in queue.Dequeue().GetReferencedAssemblies())
            {
                if (!seen.Add(name.Name!)) continue;
                // Only our own assemblies can bring a project reference in; framework and package assemblies are leaves here.
                if (name.Name!.StartsWith("TaceCds.", StringComparison.Ordinal)) queue.Enqueue(Assembly.Load(name));
            }
        }

        Assert.Contains("TaceCds.Rules", seen);
        Assert.DoesNotContain(seen, n => Forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_Service_project_and_the_projects_it_references_do_not_reference_the_validator_or_Firely()
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([RepoPaths.InRepo("src", "TaceCds.Service", "TaceCds.Service.csproj")]);
        var references = new List<string>();
        while (pending.Count > 0)
        {
            var project = Path.GetFullPath(pending.Pop());
            if (!visited.Add(project)) continue;
            var xml = XDocument.Load(project);
            foreach (var item in xml.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference"))
            {
                var include = item.Attribute("Include")!.Value;
                references.Add(Path.GetFileNameWithoutExtension(include));
                if (item.Name.LocalName == "ProjectReference") pending.Push(Path.Combine(Path.GetDirectoryName(project)!, include));
            }
        }

        Assert.Contains("TaceCds.Fhir", references);
        Assert.DoesNotContain(references, n => Forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal)));
    }
}
