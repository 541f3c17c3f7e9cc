namespace TiepCongDan.Edge.Tests.Card.Authenticity;

public enum TestKeyKind
{
    EcdsaP256,
    Rsa2048Pkcs1,
    Rsa2048Pss,
}
