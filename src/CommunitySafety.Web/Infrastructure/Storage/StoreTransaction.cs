using CommunitySafety.Monitoring.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>
/// One database transaction over the monitoring store and the web tables of a request (they share one connection:
/// see StoreSetup.AddStores), so a change and its audit entry, or every row of a form, are stored together or not at
/// all — also when the database goes away half-way through.
/// </summary>
/// <param name="monitoring">The request's monitoring store.</param>
/// <param name="web">The request's web tables.</param>
public sealed class StoreTransaction(MonitoringDbContext monitoring, WebDbContext web)
{
    /// <summary>Begins the transaction on the shared connection and enlists both contexts in it.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The transaction: commit it, or dispose of it to roll back.</returns>
    public async Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        var transaction = await monitoring.Database.BeginTransactionAsync(cancellationToken);
        await web.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        return transaction;
    }
}
