namespace Needling.SharedKernel.Security;

/// <summary>
/// Whether a token the service issued still speaks for its account: the account exists, is active, and its
/// security stamp is the one in the token. Asked on every authenticated request, so answered from memory;
/// implemented by the module that owns staff accounts.
/// </summary>
public interface ISecurityStamps
{
    ValueTask<bool> IsCurrentAsync(Guid accountId, Guid stamp, CancellationToken ct);
}
