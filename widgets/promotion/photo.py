"""The product photo checker: is a phone photo big, bright, sharp and square enough for the
WhatsApp Business catalog and TikTok Shop / Tokopedia, and a square, EXIF-free copy to upload.

Plain Python (Pillow and numpy), no ipywidgets. Platform sizes and the kit's own thresholds
come from ``datasets/photo_rules.yaml``. Uploads are untrusted: every check returns a report,
never raises for a bad file, and the size is checked before the pixels are decoded. JPEGs are
decoded at a reduced scale (``draft``), so a 12-megapixel photo is measured in a fraction of a
second on a 2-core laptop. Decoding lives in ``photo_decode``, the square copy in ``photo_copy``.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from widgets.core import i18n
from widgets.promotion.photo_copy import Improved, _improve, _preview_uri
from widgets.promotion.photo_decode import _EXPECTED, PhotoError, _decode, _Decoded
from widgets.promotion.photo_rules import KitRules, PhotoRules, Platform, load_rules

log = logging.getLogger(__name__)


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

def improved_copy(data: bytes) -> bytes:
    """A square JPEG (``square_side`` px, quality from the rules) without EXIF, brightened if
    the photo is too dark. Raises PhotoError for a file ``check_photo`` rejects."""
    result = analyse(data, improve=True)
    if result.improved is None:
        raise PhotoError(result.report.findings[0].key, **result.report.findings[0].params)
    return result.improved.jpeg

# --- Previews -------------------------------------------------------------------------------

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
