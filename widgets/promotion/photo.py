"""The product photo checker: is a phone photo big, bright, sharp and square enough for the
WhatsApp Business catalog and TikTok Shop / Tokopedia, and a square, EXIF-free copy to upload.

Plain Python (Pillow and numpy), no ipywidgets. Platform sizes and the kit's own thresholds
come from ``datasets/photo_rules.yaml``. Uploads are untrusted: every check returns a report,
never raises for a bad file, and the size is checked before the pixels are decoded. JPEGs are
decoded at a reduced scale (``draft``), so a 12-megapixel photo is measured in a fraction of a
second on a 2-core laptop.
"""

from __future__ import annotations

import base64
import io
import logging
import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageOps

from widgets.core import i18n
from widgets.promotion.photo_rules import (  # noqa: F401 (load_rules and the rule types live there)
    MEGABYTE,
    PLATFORMS,
    RULES_FILE,
    KitRules,
    PhotoDataError,
    PhotoRules,
    Platform,
    clear_cache,
    load_rules,
)

log = logging.getLogger(__name__)

# Only these decoders ever see an upload: fewer parsers, fewer surprises. The JPEG decoder also
# opens the MPO files of many phone cameras (a photo plus a small second image).
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif",
                b"avis")
_WHITE = (255, 255, 255)
_GPS_IFD = 0x8825
_ORIENTATION = 0x0112
_LATITUDE, _LONGITUDE = 2, 4  # GPS IFD tags: a photo can carry a GPS block with no position


# --- Report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One thing found: ``level`` is "error", "warn" or "ok"; the text comes from the catalog
    (what was found, why it matters, how to fix it), in the language shown at the time."""

    key: str
    level: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return i18n.t(f"photo.{self.key}", **self.params)


@dataclass(frozen=True)
class PlatformFit:
    platform: Platform
    enough: bool  # both sides at least the platform's minimum


@dataclass(frozen=True)
class PhotoReport:
    ok_image: bool
    findings: tuple[Finding, ...]
    filename: str = ""
    image_format: str = ""
    width: int = 0  # as the photo is shown, EXIF rotation applied
    height: int = 0
    brightness: float | None = None  # mean luminance, 0 (black) to 255 (white)
    sharpness: float | None = None  # variance of the Laplacian at measure_side
    platforms: tuple[PlatformFit, ...] = ()

    def keys(self) -> tuple[str, ...]:
        return tuple(found.key for found in self.findings)

    def level(self, key: str) -> str | None:
        return next((found.level for found in self.findings if found.key == key), None)


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


# --- Measuring ------------------------------------------------------------------------------


def _grey_small(img: Image.Image, side: int) -> np.ndarray:
    small = img.copy()
    small.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.asarray(small.convert("L"), dtype=np.float32)


def laplacian_variance(grey: np.ndarray) -> float:
    """How much sharp edge there is: the variance of the 4-neighbour Laplacian."""
    if grey.shape[0] < 3 or grey.shape[1] < 3:
        return 0.0
    lap = (grey[1:-1, :-2] + grey[1:-1, 2:] + grey[:-2, 1:-1] + grey[2:, 1:-1]
           - 4 * grey[1:-1, 1:-1])
    return float(lap.var())


def _size_finding(width: int, height: int, fits: list[PlatformFit]) -> Finding:
    short = [fit.platform for fit in fits if not fit.enough]
    size = {"width": width, "height": height}
    if not short:
        return Finding("size_ok", "ok", size)
    need = max(short, key=lambda p: p.min_width * p.min_height)
    params = {**size, "need": f"{need.min_width} × {need.min_height}",
              "platforms": ", ".join(p.name for p in short)}
    return Finding("size_too_small" if len(short) == len(fits) else "size_small",
                   "error" if len(short) == len(fits) else "warn", params)


def _is_square(width: int, height: int, kit: KitRules) -> bool:
    return max(width, height) * 100 <= min(width, height) * (100 + kit.square_tolerance_percent)


def _report(decoded: _Decoded, rules: PhotoRules, filename: str) -> PhotoReport:
    kit, width, height = rules.kit, decoded.width, decoded.height
    grey = _grey_small(decoded.image, kit.measure_side)
    brightness, sharpness = float(grey.mean()), laplacian_variance(grey)
    fits = [PlatformFit(p, width >= p.min_width and height >= p.min_height)
            for p in rules.platforms.values()]
    found = [_size_finding(width, height, fits)]
    if brightness < kit.too_dark:
        found.append(Finding("too_dark", "warn"))
    elif brightness > kit.too_bright:
        found.append(Finding("too_bright", "warn"))
    else:
        found.append(Finding("brightness_ok", "ok"))
    found.append(Finding("blurry", "warn") if sharpness < kit.blurry_below
                 else Finding("sharp_ok", "ok"))
    found.append(Finding("square_ok", "ok") if _is_square(width, height, kit)
                 else Finding("not_square", "warn", {"width": width, "height": height}))
    if decoded.animated:
        found.append(Finding("animated", "warn"))
    if decoded.has_location:
        found.append(Finding("has_location", "warn"))
    order = {"error": 0, "warn": 1, "ok": 2}
    found.sort(key=lambda f: order[f.level])  # stable: problems first, in the order above
    return PhotoReport(True, tuple(found), filename, decoded.image_format, width, height,
                       round(brightness, 1), round(sharpness, 1), tuple(fits))


def _rejected(exc: BaseException, filename: str) -> PhotoReport:
    """A report for a file that could not be used: one error finding, no numbers."""
    if isinstance(exc, PhotoError):
        finding = Finding(exc.key, "error", exc.params)
    elif isinstance(exc, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        finding = Finding("too_many_pixels", "error",
                          {"max_mp": load_rules().kit.max_pixels // 1_000_000})
    elif isinstance(exc, Image.UnidentifiedImageError):
        finding = Finding("not_image", "error")
    else:  # truncated, corrupt, or a decoder surprise: the file is broken, the kit is not
        finding = Finding("broken", "error")
    return PhotoReport(False, (finding,), filename)


def check_photo(data: bytes, filename: str = "") -> PhotoReport:
    """What a participant's photo is like and what to fix; never raises for a bad file."""
    return analyse(data, filename, improve=False).report


# --- The improved copy ----------------------------------------------------------------------


@dataclass(frozen=True)
class Improved:
    jpeg: bytes
    side: int
    cropped: bool  # True: centre cut to a square; False: the whole photo on white
    brightened: bool
    upscaled: bool


def _square(img: Image.Image, kit: KitRules) -> tuple[Image.Image, bool, bool]:
    """A square of at most ``square_side``: a centre cut when little is lost, otherwise the
    whole photo on white (a 16:9 cut could lose the ends of a keset)."""
    width, height = img.size
    short, long = min(width, height), max(width, height)
    crop = long * 100 <= short * (100 + kit.crop_up_to_percent)
    source = short if crop else long
    side = max(1, min(kit.square_side, source * kit.max_upscale_percent // 100))
    if crop:
        left, top = (width - short) // 2, (height - short) // 2
        box = (left, top, left + short, top + short)
        return (img.resize((side, side), Image.Resampling.LANCZOS, box=box, reducing_gap=3.0),
                True, side > source)
    scale = side / long
    fitted = img.resize((max(1, round(width * scale)), max(1, round(height * scale))),
                        Image.Resampling.LANCZOS, reducing_gap=3.0)
    canvas = Image.new("RGB", (side, side), _WHITE)
    canvas.paste(fitted, ((side - fitted.width) // 2, (side - fitted.height) // 2))
    return canvas, False, side > source


def _brighten(img: Image.Image, brightness: float, kit: KitRules) -> Image.Image:
    """A gamma lift that moves the mean toward ``brighten_to``; never more than gamma 0.5,
    so shadows open up without the photo looking washed out."""
    mean = min(max(brightness, 1.0), 254.0) / 255
    gamma = min(1.0, max(0.5, math.log(kit.brighten_to / 255) / math.log(mean)))
    table = [round(255 * (i / 255) ** gamma) for i in range(256)]
    return img.point(table * 3)


def _jpeg(img: Image.Image, quality: int) -> bytes:
    clean = Image.new("RGB", img.size)
    clean.paste(img)  # a fresh image carries no EXIF, GPS or other metadata from the upload
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _improve(decoded: _Decoded, brightness: float, kit: KitRules) -> Improved:
    square, cropped, upscaled = _square(decoded.image, kit)
    brightened = brightness < kit.too_dark
    if brightened:
        square = _brighten(square, brightness, kit)
    return Improved(_jpeg(square, kit.jpeg_quality), square.width, cropped, brightened,
                    upscaled)


def improved_copy(data: bytes) -> bytes:
    """A square JPEG (``square_side`` px, quality from the rules) without EXIF, brightened if
    the photo is too dark. Raises PhotoError for a file ``check_photo`` rejects."""
    result = analyse(data, improve=True)
    if result.improved is None:
        raise PhotoError(result.report.findings[0].key, **result.report.findings[0].params)
    return result.improved.jpeg


# --- Previews -------------------------------------------------------------------------------


def _preview_uri(img: Image.Image, side: int) -> str:
    small = img.copy()
    small.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    encoded = base64.b64encode(_jpeg(small, 70)).decode("ascii")
    return f"data:image/jpeg;base64,{encoded}"


def thumbnail_data_uri(data: bytes, size: int = 0) -> str:
    """A small JPEG of the photo as a ``data:`` URI (longest side ``size``, default from the
    rules), for a light before/after preview on a phone. Raises PhotoError for a bad file."""
    kit = load_rules().kit
    side = size or kit.preview_side
    try:
        decoded = _decode(data, kit, want=side)
    except Exception as exc:  # noqa: BLE001 (any decoder failure is a broken file)
        problem = _rejected(exc, "").findings[0]
        raise PhotoError(problem.key, **problem.params) from None
    return _preview_uri(decoded.image, side)


# --- All at once (what the view uses: one decode) -------------------------------------------


@dataclass(frozen=True)
class PhotoResult:
    report: PhotoReport
    improved: Improved | None = None
    before_uri: str = ""
    after_uri: str = ""


def analyse(data: bytes, filename: str = "", improve: bool = True) -> PhotoResult:
    """Check the photo and, if it is usable and ``improve``, make the square copy and the two
    previews, decoding the upload once."""
    rules = load_rules()
    kit = rules.kit
    try:
        decoded = _decode(bytes(data), kit, filename, want=kit.square_side if improve else
                          kit.measure_side)
        report = _report(decoded, rules, filename)
        if not improve:
            return PhotoResult(report)
        improved = _improve(decoded, report.brightness or 0.0, kit)
        after = Image.open(io.BytesIO(improved.jpeg))
        return PhotoResult(report, improved, _preview_uri(decoded.image, kit.preview_side),
                           _preview_uri(after, kit.preview_side))
    except Exception as exc:  # noqa: BLE001 (an upload is untrusted: any failure is reported)
        if not isinstance(exc, _EXPECTED):  # a decoder surprise, or a bug here: keep the trace
            log.warning("photo check failed on %r", filename, exc_info=True)
        return PhotoResult(_rejected(exc, filename))
