"""The product photo checker, decoding an upload: open a phone photo safely (only the
allowed formats, size and pixel count checked before decoding), shrunk early and upright.

Plain Python (Pillow and numpy), no ipywidgets. Used by ``promotion.photo``.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps

from widgets.core import i18n
from widgets.promotion.photo_rules import MEGABYTE, KitRules

# Only these decoders ever see an upload: fewer parsers, fewer surprises. The JPEG decoder also
# opens the MPO files of many phone cameras (a photo plus a small second image).
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif",
                b"avis")
_WHITE = (255, 255, 255)
_GPS_IFD = 0x8825
_ORIENTATION = 0x0112
_LATITUDE, _LONGITUDE = 2, 4  # GPS IFD tags: a photo can carry a GPS block with no position


class PhotoError(ValueError):
    """An upload the kit cannot use; ``key`` names its text in the catalog's ``photo`` section."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(i18n.t(f"photo.{key}", **params))


# What bad uploads make Pillow raise; anything else is also reported, but logged with its trace.
_EXPECTED = (PhotoError, Image.UnidentifiedImageError, Image.DecompressionBombError,
             Image.DecompressionBombWarning, OSError, SyntaxError, ValueError, EOFError)

# --- Decoding -------------------------------------------------------------------------------


@dataclass
class _Decoded:
    """The first frame as RGB (possibly decoded at a reduced scale), upright."""

    image: Image.Image
    image_format: str
    width: int  # full size, upright
    height: int
    animated: bool
    has_location: bool


def _looks_like_heif(data: bytes, filename: str) -> bool:
    if filename.casefold().endswith((".heic", ".heif", ".avif")):
        return True
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def _decode(data: bytes, rules: KitRules, filename: str = "", want: int = 0) -> _Decoded:
    """Open ``data`` safely, refusing before decoding what is too big. With ``want``, the
    pixels are kept only down to a shorter side of ``want`` (JPEGs even decode at that scale).
    Raises PhotoError, or Pillow's own errors for broken files."""
    if not data:
        raise PhotoError("empty")
    if len(data) > rules.max_bytes:
        raise PhotoError("too_large_file", size_mb=_mb(len(data)), max_mb=rules.max_bytes
                         // MEGABYTE)
    if _looks_like_heif(data, filename):
        raise PhotoError("heic")
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that: make it a refusal too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        img = Image.open(io.BytesIO(data), formats=FORMATS)
        width, height = img.size
        if width * height > rules.max_pixels:
            raise PhotoError("too_many_pixels", max_mp=rules.max_pixels // 1_000_000)
        animated = img.format != "MPO" and bool(getattr(img, "is_animated", False))
        if animated:
            img.seek(0)
        exif = img.getexif()
        gps = exif.get_ifd(_GPS_IFD)
        if want and img.format in ("JPEG", "MPO"):
            img.draft("RGB", (want, want))
        img.load()
    if exif.get(_ORIENTATION) in (5, 6, 7, 8):
        width, height = height, width
    return _Decoded(_pixels(img, want), img.format or "", width, height, animated,
                    _LATITUDE in gps or _LONGITUDE in gps)


def _pixels(img: Image.Image, want: int) -> Image.Image:
    """The loaded image as upright 8-bit RGB. It is shrunk by a whole factor first (cheap, and
    a 50-megapixel PNG then never exists as a full-size RGBA copy), then turned by its EXIF."""
    img = _eight_bit(img)
    factor = min(img.size) // want if want else 1
    if factor >= 2:
        img = img.reduce(factor)
    img = ImageOps.exif_transpose(img)  # reads the orientation kept in img.info
    if img.mode in ("RGBA", "LA", "La", "RGBa"):  # transparency: a product on a white sheet
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (*_WHITE, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return img.convert("RGB")


def _eight_bit(img: Image.Image) -> Image.Image:
    """Modes ``reduce`` cannot take, or that would clip, as 8 bits per channel."""
    if img.mode.startswith("I;16"):  # 16-bit grey: scale rather than clip to white
        values = np.asarray(img)
        if values.max(initial=0) > 255:
            values = values >> 8
        return _with_info(Image.fromarray(values.astype(np.uint8), "L"), img)
    if img.mode in ("I", "F"):
        values = np.asarray(img, dtype=np.float64)
        if values.max(initial=0) > 255:
            values = values / 257
        return _with_info(Image.fromarray(np.clip(values, 0, 255).astype(np.uint8), "L"), img)
    if img.mode in ("L", "RGB") and "transparency" in img.info:  # a PNG with one clear colour
        return img.convert("RGBA")
    if img.mode in ("P", "PA"):
        return img.convert("RGBA" if img.mode == "PA" or "transparency" in img.info else "RGB")
    if img.mode == "1":
        return img.convert("L")
    return img


def _with_info(new: Image.Image, old: Image.Image) -> Image.Image:
    new.info = dict(old.info)  # keeps the EXIF orientation for exif_transpose
    return new


def _mb(size: int) -> str:
    return f"{size / MEGABYTE:.1f}".replace(".", "," if i18n.language() == "id" else ".")
