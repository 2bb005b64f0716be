using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Catalog;

public partial record ProductSpecificationModel : BaseNopModel;
