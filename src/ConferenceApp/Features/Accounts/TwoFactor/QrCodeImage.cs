using QRCoder;

namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>Draws QR codes on the server, so that the page needs no script and no outside service.</summary>
public static class QrCodeImage
{
    /// <summary>
    /// Returns <paramref name="text"/> as a black-on-white PNG QR code in a data: URL, which the
    /// site's Content-Security-Policy allows for images. Error correction level M restores up to
    /// 15% of a damaged code, the usual choice for screens.
    /// </summary>
    public static string PngDataUrl(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
