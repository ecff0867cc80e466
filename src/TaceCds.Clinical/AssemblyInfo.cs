namespace TaceCds.Clinical;
