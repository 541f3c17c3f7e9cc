namespace TiepCongDan.Pcsc;

/// <summary>SCardEstablishContext scope; pcsc-lite accepts only the system scope in practice.</summary>
public enum PcscScope : long
{
    User = 0,
    Terminal = 1,
    System = 2,
}
