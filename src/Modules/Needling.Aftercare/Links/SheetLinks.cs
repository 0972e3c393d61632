using Needling.SharedKernel.Security;

namespace Needling.Aftercare.Links;

/// <summary>A patient's download link to one aftercare sheet: the sheet id and an expiry (<see cref="LinkTokens"/>).</summary>
internal sealed class SheetLinks(TokenSettings settings)
{
    private readonly LinkTokens _tokens = new(settings, "needling:aftercare-sheet-link:v1");

    public string Create(Guid sheetId, DateTime expiresAtUtc) => _tokens.Create(sheetId, expiresAtUtc);

    public Guid? Read(string token, DateTime nowUtc) => _tokens.Read(token, nowUtc);
}
