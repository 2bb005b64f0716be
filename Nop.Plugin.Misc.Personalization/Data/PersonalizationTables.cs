using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Data;

/// <summary>
/// The plugin's table names, shared by the schema migration and nopCommerce's name mapping so they cannot drift.
/// </summary>
public static class PersonalizationTables
{
    public const string EVENT = "Personalization_Event";
    public const string MODEL_SNAPSHOT = "Personalization_ModelSnapshot";
    public const string PLACEMENT = "Personalization_Placement";
    public const string SEGMENT = "Personalization_Segment";
    public const string PROFILE = "Personalization_Profile";
    public const string PREDICTION = "Personalization_Prediction";
    public const string ERASURE = "Personalization_Erasure";
    public const string ROLE_MAPPING = "Personalization_RoleMapping";
    public const string LOCK = "Personalization_Lock";
    public const string IMPRESSION_COUNT = "Personalization_ImpressionCount";
    public const string CART_REMINDER = "Personalization_CartReminder";
    public const string EMAIL_SEND = "Personalization_EmailSend";

    public static IReadOnlyDictionary<Type, string> ByEntity { get; } = new Dictionary<Type, string>
    {
        [typeof(PersonalizationEvent)] = EVENT,
        [typeof(PersonalizationModelSnapshot)] = MODEL_SNAPSHOT,
        [typeof(PersonalizationPlacement)] = PLACEMENT,
        [typeof(PersonalizationSegment)] = SEGMENT,
        [typeof(PersonalizationProfile)] = PROFILE,
        [typeof(PersonalizationPrediction)] = PREDICTION,
        [typeof(PersonalizationErasure)] = ERASURE,
        [typeof(PersonalizationRoleMapping)] = ROLE_MAPPING,
        [typeof(PersonalizationLock)] = LOCK,
        [typeof(PersonalizationImpressionCount)] = IMPRESSION_COUNT,
        [typeof(PersonalizationCartReminder)] = CART_REMINDER,
        [typeof(PersonalizationEmailSend)] = EMAIL_SEND
    };
}
