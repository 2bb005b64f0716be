using System.Linq.Expressions;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Which identified customers a consent mode does not allow, as a database predicate over a customer id, so rows of
/// such customers are counted and removed by the database without loading the customers.
/// </summary>
public class UnconsentedCustomers
{
    private readonly IRepository<GdprLog> _gdprLogRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;

    public UnconsentedCustomers(IRepository<GdprLog> gdprLogRepository, IRepository<GenericAttribute> genericAttributeRepository)
    {
        _gdprLogRepository = gdprLogRepository;
        _genericAttributeRepository = genericAttributeRepository;
    }

    /// <returns>Null when the mode allows every customer.</returns>
    public Expression<Func<int, bool>> Rule(int storeId, TrackingConsent mode, int gdprConsentId)
    {
        switch (mode)
        {
            case TrackingConsent.Everyone:
                return null;
            case TrackingConsent.CookieBannerAccepted:
                var attributes = _genericAttributeRepository.Table;
                var keyGroup = nameof(Customer);
                var key = NopCustomerDefaults.EuCookieLawAcceptedAttribute;
                return customerId => customerId > 0 && !attributes.Any(a => a.EntityId == customerId && a.KeyGroup == keyGroup && a.Key == key
                    && a.StoreId == storeId && (a.Value == "True" || a.Value == "true"));
            case TrackingConsent.GdprConsentAccepted when gdprConsentId > 0:
                //nopCommerce's IsConsentAcceptedAsync: the customer's latest log of the consent (newest time, then id) is an agreement
                var logs = _gdprLogRepository.Table;
                var agree = (int)GdprRequestType.ConsentAgree;
                return customerId => customerId > 0 && !logs.Any(log => log.CustomerId == customerId && log.ConsentId == gdprConsentId && log.RequestTypeId == agree
                    && !logs.Any(later => later.CustomerId == customerId && later.ConsentId == gdprConsentId
                        && (later.CreatedOnUtc > log.CreatedOnUtc || (later.CreatedOnUtc == log.CreatedOnUtc && later.Id > log.Id))));
            default:
                //nobody, or a GDPR mode without a consent picked: nobody is identified
                return customerId => customerId > 0;
        }
    }

    /// <summary>
    /// Rows of one store whose customer the rule matches.
    /// </summary>
    public static Expression<Func<T, bool>> RowsOf<T>(Expression<Func<T, int>> customerOf, Expression<Func<T, int>> storeOf, int storeId,
        Expression<Func<int, bool>> rule)
    {
        var row = customerOf.Parameters[0];
        var customer = new ParameterSwap(rule.Parameters[0], customerOf.Body).Visit(rule.Body);
        var store = new ParameterSwap(storeOf.Parameters[0], row).Visit(storeOf.Body);

        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(Expression.Equal(store, Expression.Constant(storeId)), customer), row);
    }

    private sealed class ParameterSwap : ExpressionVisitor
    {
        private readonly ParameterExpression _from;
        private readonly Expression _to;

        public ParameterSwap(ParameterExpression from, Expression to)
        {
            _from = from;
            _to = to;
        }

        protected override Expression VisitParameter(ParameterExpression node) => node == _from ? _to : base.VisitParameter(node);
    }
}
