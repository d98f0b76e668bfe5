"""The product photo checker, the improved copy: a square, EXIF-free JPEG of the photo
(a centre cut or the whole photo on white), brightened when too dark, and small previews.

Plain Python (Pillow), no ipywidgets. Used by ``promotion.photo``.
"""

from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass

from PIL import Image

from widgets.promotion.photo_decode import _WHITE, _Decoded
from widgets.promotion.photo_rules import KitRules


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


def _preview_uri(img: Image.Image, side: int) -> str:
    small = img.copy()
    small.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    encoded = base64.b64encode(_jpeg(small, 70)).decode("ascii")
    return f"data:image/jpeg;base64,{encoded}"
