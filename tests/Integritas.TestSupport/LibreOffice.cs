namespace Integritas.TestSupport;

/// <summary>Tests that run LibreOffice skip, saying why, where it is not installed (CI installs it).</summary>
public static class LibreOffice
{
    public const string Missing = "soffice (LibreOffice) is not on PATH; install libreoffice-writer-nogui to run this test.";
}
