namespace Nop.Web.Framework.Models;

public partial interface ILocalizedLocaleModel
{
    int LanguageId { get; set; }
}
