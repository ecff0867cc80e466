namespace TaceCds.Dicom.Tests.Reader;

public sealed class PersonNameTests
{
    [Fact]
    public void ComponentsAndGroupsAreSplit()
    {
        var pn = DicomPersonName.Parse("Buc^Jérôme^M^Dr^Jr=Ideo^Graphic=Pho^Netic");
        Assert.Equal(new DicomPersonName("Buc", "Jérôme", "M", "Dr", "Jr", "Ideo^Graphic", "Pho^Netic"), pn);
    }

    [Fact]
    public void MissingComponentsAreNull()
    {
        Assert.Equal(new DicomPersonName("Riesmeier", null, null, null, null, null, null), DicomPersonName.Parse("Riesmeier"));
        Assert.Equal(new DicomPersonName(null, "Anna", null, null, null, null, null), DicomPersonName.Parse("^Anna^^^"));
    }
}
