namespace TaceCds.Dicom;
