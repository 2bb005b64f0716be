using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// One customer-keyed plugin table: deletes the rows of some customers in batches of ascending id (each delete a
/// short statement), and finds customers whose rows outlived them.
/// </summary>
public abstract class CustomerRows
{
    public abstract Type Entity { get; }

    /// <returns>The number of rows deleted.</returns>
    public abstract Task<int> DeleteAsync(IReadOnlyCollection<int> customerIds, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> distinct customer ids of rows whose customer is not in the Customer table or is
    /// marked deleted. Anonymous rows (customer 0) are never among them.
    /// </summary>
    public abstract Task<IReadOnlyList<int>> OrphanedCustomersAsync(int take);

    public static CustomerRows Of<TEntity>(IRepository<TEntity> repository, IRepository<Customer> customerRepository,
        Expression<Func<TEntity, int>> customerId) where TEntity : BaseEntity =>
        new Table<TEntity>(repository, customerRepository, customerId);

    private sealed class Table<TEntity> : CustomerRows where TEntity : BaseEntity
    {
        private readonly Expression<Func<TEntity, int>> _customerId;
        private readonly IRepository<Customer> _customerRepository;
        private readonly IRepository<TEntity> _repository;

        internal Table(IRepository<TEntity> repository, IRepository<Customer> customerRepository, Expression<Func<TEntity, int>> customerId)
        {
            _repository = repository;
            _customerRepository = customerRepository;
            _customerId = customerId;
        }

        public override Type Entity => typeof(TEntity);

        public override async Task<int> DeleteAsync(IReadOnlyCollection<int> customerIds, int batchSize, CancellationToken cancellationToken)
        {
            if (customerIds.Count == 0)
                return 0;

            var ids = customerIds.Distinct().ToArray();
            var ofCustomers = OnCustomerId(id => ids.Contains(id));
            var deleted = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                //the id of the batch's last row bounds the next delete
                var batchEnd = (await _repository.GetAllAsync(query => query
                        .Where(ofCustomers)
                        .OrderBy(row => row.Id)
                        .Skip(batchSize - 1)
                        .Take(1)))
                    .FirstOrDefault()?.Id;

                if (batchEnd is null)
                    return deleted + await _repository.DeleteAsync(ofCustomers);

                deleted += await _repository.DeleteAsync(And(ofCustomers, UpTo(batchEnd.Value)));
            }
        }

        public override async Task<IReadOnlyList<int>> OrphanedCustomersAsync(int take)
        {
            var customers = _customerRepository.Table;
            var orphaned = OnCustomerId(id => id > 0 && !customers.Any(customer => customer.Id == id && !customer.Deleted));
            var rows = await _repository.GetAllAsync(query => query
                .Where(orphaned)
                .OrderBy(_customerId)
                .Take(take));

            var read = _customerId.Compile();
            return rows.Select(read).Distinct().ToList();
        }

        private Expression<Func<TEntity, bool>> OnCustomerId(Expression<Func<int, bool>> condition)
        {
            var row = _customerId.Parameters[0];
            var body = new Substitution(condition.Parameters[0], _customerId.Body).Visit(condition.Body);
            return Expression.Lambda<Func<TEntity, bool>>(body, row);
        }

        private Expression<Func<TEntity, bool>> UpTo(int lastId)
        {
            var row = _customerId.Parameters[0];
            return Expression.Lambda<Func<TEntity, bool>>(
                Expression.LessThanOrEqual(Expression.Property(row, nameof(BaseEntity.Id)), Expression.Constant(lastId)), row);
        }

        private static Expression<Func<TEntity, bool>> And(Expression<Func<TEntity, bool>> left, Expression<Func<TEntity, bool>> right)
        {
            var body = new Substitution(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
            return Expression.Lambda<Func<TEntity, bool>>(Expression.AndAlso(left.Body, body), left.Parameters[0]);
        }
    }

    private sealed class Substitution : ExpressionVisitor
    {
        private readonly ParameterExpression _from;
        private readonly Expression _to;

        public Substitution(ParameterExpression from, Expression to)
        {
            _from = from;
            _to = to;
        }

        protected override Expression VisitParameter(ParameterExpression node) => node == _from ? _to : base.VisitParameter(node);
    }
}
