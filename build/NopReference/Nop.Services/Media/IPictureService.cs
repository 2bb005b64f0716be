using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Media;

namespace Nop.Services.Media;

public partial interface IPictureService
{
    Task<string> GetFileExtensionFromMimeTypeAsync(string mimeType);

    Task<byte[]> LoadPictureBinaryAsync(Picture picture);

    Task<string> GetPictureSeNameAsync(string name);

    Task<string> GetDefaultPictureUrlAsync(int targetSize = 0,
        PictureType defaultPictureType = PictureType.Entity,
        string storeLocation = null);

    Task<string> GetPictureUrlAsync(int pictureId,
        int targetSize = 0,
        bool showDefaultPicture = true,
        string storeLocation = null,
        PictureType defaultPictureType = PictureType.Entity);

    Task<(string Url, Picture Picture)> GetPictureUrlAsync(Picture picture,
        int targetSize = 0,
        bool showDefaultPicture = true,
        string storeLocation = null,
        PictureType defaultPictureType = PictureType.Entity);

    Task<Picture> GetPictureByIdAsync(int pictureId);

    Task DeletePictureAsync(Picture picture);

    Task<IPagedList<Picture>> GetPicturesAsync(string virtualPath = "", int pageIndex = 0, int pageSize = int.MaxValue);

    Task<IList<Picture>> GetPicturesByProductIdAsync(int productId, int recordsToReturn = 0);

    Task<Picture> InsertPictureAsync(byte[] pictureBinary, string mimeType, string seoFilename,
        string altAttribute = null, string titleAttribute = null,
        bool isNew = true, bool validateBinary = true);

    Task<Picture> InsertPictureAsync(IFormFile formFile, string defaultFileName = "", string virtualPath = "");

    Task<Picture> UpdatePictureAsync(int pictureId, byte[] pictureBinary, string mimeType,
        string seoFilename, string altAttribute = null, string titleAttribute = null,
        bool isNew = true, bool validateBinary = true);

    Task<Picture> UpdatePictureAsync(Picture picture);

    Task<Picture> SetSeoFilenameAsync(int pictureId, string seoFilename);

    Task<byte[]> ValidatePictureAsync(byte[] pictureBinary, string mimeType, string fileName);

    Task<bool> IsStoreInDbAsync();

    Task SetIsStoreInDbAsync(bool isStoreInDb);

    Task ChangePicturesPathAsync(string path);

    Task<Picture> GetProductPictureAsync(Product product, string attributesXml);

    Task<PictureBinary> GetPictureBinaryByPictureIdAsync(int pictureId);

    Task<byte[]> ConvertSvgToPngAsync(Stream stream);

    string GetPictureContentTypeByFileExtension(string fileExtension);
}
