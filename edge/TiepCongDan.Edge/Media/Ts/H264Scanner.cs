namespace TiepCongDan.Edge.Media.Ts;

/// <summary>Looks for NAL units in an Annex B byte stream.</summary>
internal static class H264Scanner
{
    private const int IdrSlice = 5;

    /// <summary>True when the bytes hold the start of an IDR slice (NAL type 5).</summary>
    public static bool ContainsIdr(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i + 3 < data.Length; i++)
        {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1F) == IdrSlice)
            {
                return true;
            }
        }

        return false;
    }
}
