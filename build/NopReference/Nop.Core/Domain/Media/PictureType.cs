namespace Nop.Core.Domain.Media;

public enum PictureType
{
    Entity = 1,
    Avatar = 10
}
