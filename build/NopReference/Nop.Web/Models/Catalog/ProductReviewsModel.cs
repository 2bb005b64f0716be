using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Catalog;

public partial record ProductReviewsModel : BaseNopModel;
