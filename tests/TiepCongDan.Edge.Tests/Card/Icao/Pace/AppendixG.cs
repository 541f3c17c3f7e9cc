namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>
/// ICAO 9303-11 Appendix G.1, the worked PACE example: ECDH generic mapping on brainpoolP256r1
/// with AES-128 (id-PACE-ECDH-GM-AES-CBC-CMAC-128, parameter id 13) and the MRZ password of
/// document T22000129, born 640812, expiring 101031. The values are the Appendix's, as several
/// public PACE test suites quote them (JMRTD-style known-answer tests, gmrtd, proxmark3's emrtd
/// self-test). The protected SELECT at the end is not from ICAO: it is the AES secure messaging
/// vector another public test suite derives from these session keys (SSC = 0).
/// </summary>
internal static class AppendixG
{
    public const string ProtocolOid = "0.4.0.127.0.7.2.2.4.2.2";
    public const int ParameterId = 13;

    public const string DocumentNumber = "T22000129";
    public const string DateOfBirth = "640812";
    public const string DateOfExpiry = "101031";

    /// <summary>f(π) for the MRZ password: SHA-1 of the MRZ information.</summary>
    public const string PasswordEncoding = "7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD";
    public const string PasswordKey = "89DED1B26624EC1E634C1989302849DD";

    public const string EncryptedNonce = "95A3A016522EE98D01E76CB6B98B42C3";
    public const string Nonce = "3F00C4D39D153F2B2A214A078D899B22";

    public const string MappingPrivateKeyTerminal = "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99";
    public const string MappingPublicKeyTerminal = "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D";
    public const string MappingPublicKeyCard = "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54";
    public const string SharedPointH = "0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181";
    public const string MappedGenerator = "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522";

    public const string EphemeralPrivateKeyTerminal = "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595";
    public const string EphemeralPublicKeyTerminal = "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462";
    public const string EphemeralPublicKeyCard = "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094";
    public const string SharedSecret = "28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925";

    public const string KsEnc = "F5F0E35C0D7161EE6724EE513A0D9A7F";
    public const string KsMac = "FE251C7858B356B24514B3BD5F4297D1";
    public const string TokenTerminal = "C2B0BD78D94BA866";
    public const string TokenCard = "3ABB9674BCE93C08";

    /// <summary>MSE:SET AT with the OID, password reference 01 (MRZ) and parameter id 0D.</summary>
    public const string MseSetAt = "0022C1A412800A04007F0007020204020283010184010D";

    public const string SelectApplication = "00A4040C07A0000002471001";
    public const string ProtectedSelectApplication = "0CA4040C1D871101752F676B09FAC86A87D632749A49C7CC8E08C18BA1FCE707BD9F00";
    public const string ProtectedSelectResponse = "990290008E08BEA7B381C494A0799000";
}
