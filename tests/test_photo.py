"""The product photo checker (widgets/photo.py): every image is made here with Pillow and numpy,
including the broken and hostile files, so the tests need no photos on disk."""

from __future__ import annotations

import base64
import io
import struct
import time
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFilter

from widgets.core import i18n
from widgets.core.village import DataError
from widgets.promotion import photo, photo_rules

MB = 1024 * 1024
GPS = 0x8825
ORIENTATION = 0x0112


# --- Making images --------------------------------------------------------------------------


def textured(width: int, height: int, low: int = 60, high: int = 200, seed: int = 1,
             tint: bool = True) -> Image.Image:
    """A sharp pattern (16 px checker plus a little noise) with a mean of about (low+high)/2,
    tinted warm like a cloth doormat unless ``tint`` is False."""
    y, x = np.mgrid[0:height, 0:width]
    checker = np.where(((x // 16) + (y // 16)) % 2 == 0, low, high).astype(np.float32)
    noise = np.random.default_rng(seed).normal(0, 4, (height, width)).astype(np.float32)
    grey = np.clip(checker + noise, 0, 255)
    rgb = np.stack([grey, grey * 0.9, grey * 0.8] if tint else [grey] * 3, axis=-1)
    return Image.fromarray(rgb.astype(np.uint8), "RGB")


def encode(img: Image.Image, fmt: str = "JPEG", **params) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        params.setdefault("quality", 92)
    img.save(out, fmt, **params)
    return out.getvalue()


def decoded(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def mean_of(data: bytes) -> float:
    return float(np.asarray(decoded(data).convert("L"), dtype=np.float32).mean())


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` 1-bit pixels but holds almost no data: what a
    decompression bomb looks like before it is decoded. A few hundred bytes, built in memory."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(
        b"IEND", b"")


@pytest.fixture(scope="module")
def good() -> bytes:
    return encode(textured(1000, 1000))


def fits(report: photo.PhotoReport) -> dict[str, bool]:
    return {fit.platform.key: fit.enough for fit in report.platforms}


# --- The rules file -------------------------------------------------------------------------


def test_rules_carry_the_platform_sizes_with_dates_and_sources():
    rules = photo.load_rules()
    whatsapp, tiktok = rules.platforms["whatsapp"], rules.platforms["tiktok_tokopedia"]
    assert (whatsapp.min_width, whatsapp.min_height) == (500, 500)
    assert (tiktok.min_width, tiktok.min_height, tiktok.min_photos) == (600, 600, 5)
    assert whatsapp.as_of.year >= 2025 and "WhatsApp" in whatsapp.source
    assert "TikTok" in tiktok.source
    assert rules.kit.max_bytes == 15 * MB
    assert rules.kit.square_side == 1080


def _rules_with(tmp_path, old: str, new: str):
    text = photo_rules.RULES_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "photo_rules.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_rule_without_its_date_stops_the_kit_naming_file_and_key(tmp_path):
    path = _rules_with(tmp_path, "    as_of: 2025-12-19\n", "")
    with pytest.raises(DataError) as caught:
        photo.load_rules(path)
    assert "photo_rules.yaml" in str(caught.value)
    assert "platforms.whatsapp.as_of" in str(caught.value)


def test_a_threshold_out_of_range_is_named(tmp_path):
    path = _rules_with(tmp_path, "jpeg_quality: 85", "jpeg_quality: 150")
    with pytest.raises(photo_rules.PhotoDataError) as caught:
        photo.load_rules(path)
    message = str(caught.value)
    assert "kit.jpeg_quality" in message and "'150' harus antara 30 dan 95" in message


def test_dark_must_be_below_bright(tmp_path):
    path = _rules_with(tmp_path, "too_dark: 70", "too_dark: 240")
    with pytest.raises(photo_rules.PhotoDataError, match="kit.too_dark"):
        photo.load_rules(path)


# --- Good photos and what is measured -------------------------------------------------------


def test_a_good_square_photo_has_nothing_to_fix(good):
    report = photo.check_photo(good, "keset.jpg")
    assert report.ok_image
    assert set(report.keys()) == {"size_ok", "brightness_ok", "sharp_ok", "square_ok"}
    assert all(found.level == "ok" for found in report.findings)
    assert (report.width, report.height) == (1000, 1000)
    assert 100 < report.brightness < 150
    assert report.sharpness > photo.load_rules().kit.blurry_below
    assert fits(report) == {"whatsapp": True, "tiktok_tokopedia": True}
    assert report.image_format == "JPEG" and report.filename == "keset.jpg"


def test_findings_say_what_why_and_how_in_indonesian():
    report = photo.check_photo(encode(textured(1000, 1000, 10, 40)))
    [dark] = [found for found in report.findings if found.key == "too_dark"]
    assert dark.level == "warn"
    assert dark.text.startswith("Foto terlalu gelap.")
    assert "jendela" in dark.text
    i18n.set_language("en")
    assert dark.text.startswith("The photo is too dark.")


def test_problems_come_before_what_is_fine():
    report = photo.check_photo(encode(textured(400, 300, 10, 40)))
    levels = [found.level for found in report.findings]
    assert levels == sorted(levels, key={"error": 0, "warn": 1, "ok": 2}.get)
    assert report.findings[0].key == "size_too_small"


def test_a_dark_photo():
    report = photo.check_photo(encode(textured(1000, 1000, 10, 40)))
    assert "too_dark" in report.keys() and report.brightness < 70


def test_an_over_bright_photo():
    report = photo.check_photo(encode(textured(1000, 1000, 235, 255, tint=False)))
    assert "too_bright" in report.keys() and report.brightness > 230


def test_a_blurred_photo_is_flagged_and_the_sharp_one_is_not(good):
    blurred = encode(textured(1000, 1000).filter(ImageFilter.GaussianBlur(6)))
    soft, sharp = photo.check_photo(blurred), photo.check_photo(good)
    assert soft.level("blurry") == "warn" and "sharp_ok" in sharp.keys()
    assert soft.sharpness < sharp.sharpness / 10


def test_laplacian_of_a_flat_image_is_zero():
    assert photo.laplacian_variance(np.full((50, 50), 128, dtype=np.float32)) == 0
    assert photo.laplacian_variance(np.zeros((2, 2), dtype=np.float32)) == 0


@pytest.mark.parametrize(("side", "whatsapp", "tiktok", "key"), [
    (400, False, False, "size_too_small"),
    (499, False, False, "size_too_small"),
    (500, True, False, "size_small"),
    (550, True, False, "size_small"),
    (599, True, False, "size_small"),
    (600, True, True, "size_ok"),
])
def test_size_boundaries_per_platform(side, whatsapp, tiktok, key):
    report = photo.check_photo(encode(textured(side, side)))
    assert fits(report) == {"whatsapp": whatsapp, "tiktok_tokopedia": tiktok}
    assert key in report.keys()
    expected_level = {"size_too_small": "error", "size_small": "warn", "size_ok": "ok"}[key]
    assert report.level(key) == expected_level


def test_small_for_one_platform_names_it_and_its_size():
    report = photo.check_photo(encode(textured(550, 550)))
    [found] = [f for f in report.findings if f.key == "size_small"]
    assert "TikTok Shop / Tokopedia" in found.text and "600 × 600" in found.text
    assert "550 × 550" in found.text


def test_both_sides_must_reach_the_minimum():
    report = photo.check_photo(encode(textured(800, 499)))
    assert fits(report) == {"whatsapp": False, "tiktok_tokopedia": False}


def test_a_wide_photo_is_not_square():
    report = photo.check_photo(encode(textured(1600, 900)))
    assert report.level("not_square") == "warn"
    assert (report.width, report.height) == (1600, 900)


def test_nearly_square_counts_as_square():
    assert "square_ok" in photo.check_photo(encode(textured(1040, 1000))).keys()
    assert "not_square" in photo.check_photo(encode(textured(1100, 1000))).keys()


# --- Formats and modes ----------------------------------------------------------------------


def _transparent_png() -> bytes:
    img = textured(800, 800).convert("RGBA")
    alpha = Image.new("L", img.size, 0)
    alpha.paste(255, (200, 200, 600, 600))
    img.putalpha(alpha)
    return encode(img, "PNG")


@pytest.mark.parametrize("make", [
    pytest.param(_transparent_png, id="rgba-png"),
    pytest.param(lambda: encode(textured(800, 800).convert("P", palette=Image.Palette.ADAPTIVE),
                                "PNG"), id="palette-png"),
    pytest.param(lambda: encode(textured(800, 800).convert("L")), id="grey-jpeg"),
    pytest.param(lambda: encode(textured(800, 800).convert("CMYK")), id="cmyk-jpeg"),
    pytest.param(lambda: encode(textured(800, 800), "WEBP", quality=90), id="webp"),
    pytest.param(lambda: encode(textured(800, 800).convert("LA"), "PNG"), id="grey-alpha-png"),
])
def test_other_modes_and_formats_are_read(make):
    data = make()
    report = photo.check_photo(data)
    assert report.ok_image, report.findings
    assert (report.width, report.height) == (800, 800)
    assert 40 < report.brightness < 250
    copy = decoded(photo.improved_copy(data))
    assert copy.mode == "RGB" and copy.size == (1080, 1080)


def test_transparency_becomes_white():
    copy = decoded(photo.improved_copy(_transparent_png())).convert("RGB")
    assert min(copy.getpixel((5, 5))) > 245  # the transparent corner


def test_sixteen_bit_grey_is_scaled_not_clipped_to_white():
    grey = np.asarray(textured(700, 700).convert("L"), dtype=np.uint16) * 257
    data = encode(Image.fromarray(grey), "PNG")
    assert decoded(data).mode.startswith("I")
    report = photo.check_photo(data)
    assert report.ok_image and 100 < report.brightness < 160


def test_cmyk_keeps_about_the_same_brightness(good):
    cmyk = encode(textured(1000, 1000).convert("CMYK"))
    assert abs(photo.check_photo(cmyk).brightness - photo.check_photo(good).brightness) < 25


def test_exif_rotation_is_applied_before_measuring():
    stored = textured(1200, 800)  # landscape as stored, portrait as the phone shows it
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    data = encode(stored, exif=exif)
    report = photo.check_photo(data)
    assert (report.width, report.height) == (800, 1200)
    preview = decoded(base64.b64decode(photo.thumbnail_data_uri(data, 120).split(",", 1)[1]))
    assert preview.size == (80, 120)


@pytest.mark.parametrize(("fmt", "orientation", "corner"), [
    ("JPEG", 6, "top-right"),  # the phone was turned: stored top-left is shown top-right
    ("PNG", 8, "bottom-left"),
    ("JPEG", 3, "bottom-right"),
])
def test_a_big_rotated_photo_is_shrunk_and_turned_the_right_way(fmt, orientation, corner):
    stored = textured(3000, 2000)
    stored.paste((230, 20, 20), (0, 0, 600, 600))  # a red mark in the stored top-left corner
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    result = photo.analyse(encode(stored, fmt, exif=exif))
    report = result.report
    turned = orientation in (6, 8)
    assert (report.width, report.height) == ((2000, 3000) if turned else (3000, 2000))
    before = decoded(base64.b64decode(result.before_uri.split(",", 1)[1])).convert("RGB")
    width, height = before.size
    assert (width < height) == turned
    spots = {"top-right": (width - 5, 5), "bottom-left": (5, height - 5),
             "bottom-right": (width - 5, height - 5)}
    red, green, _blue = before.getpixel(spots[corner])
    assert red > 180 and green < 80
    red, green, _blue = before.getpixel((5, 5))
    assert not (red > 180 and green < 80)


def test_a_png_with_one_transparent_colour_gets_a_white_background():
    img = textured(700, 700).convert("L")
    img.paste(0, (0, 0, 100, 100))
    data = encode(img, "PNG", transparency=0)
    copy = decoded(photo.improved_copy(data)).convert("RGB")
    assert min(copy.getpixel((3, 3))) > 245


def test_an_animated_gif_uses_the_first_frame():
    frames = [textured(700, 700, seed=1).convert("P"), textured(700, 700, 10, 30).convert("P")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=200)
    report = photo.check_photo(out.getvalue())
    assert report.ok_image and report.level("animated") == "warn"
    assert "too_dark" not in report.keys()  # measured on frame 1, the bright one


# --- Privacy --------------------------------------------------------------------------------


def test_gps_location_is_found_and_the_copy_has_no_exif_at_all():
    exif = Image.Exif()
    exif[GPS] = {1: "S", 2: (5.0, 7.0, 30.0), 3: "E", 4: (105.0, 36.0, 0.0)}
    exif[0x010F] = "PhoneMaker"
    data = encode(textured(1000, 1000), exif=exif)
    assert photo.check_photo(data).level("has_location") == "warn"
    copy = photo.improved_copy(data)
    assert b"Exif" not in copy and b"PhoneMaker" not in copy
    opened = decoded(copy)
    assert not opened.getexif() and "exif" not in opened.info


def test_a_gps_block_without_a_position_is_not_a_location(good):
    exif = Image.Exif()
    exif[GPS] = {0: b"\x02\x02\x00\x00"}  # version only, as phones write with location off
    assert "has_location" not in photo.check_photo(encode(textured(600, 600), exif=exif)).keys()
    assert "has_location" not in photo.check_photo(good).keys()


# --- Files the kit refuses ------------------------------------------------------------------


@pytest.mark.parametrize(("data", "key"), [
    (b"", "empty"),
    (b"hello", "not_image"),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "not_image"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64), "heic"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1" + bytes(64), "heic"),
    (b"BM" + bytes(100), "not_image"),  # BMP is not offered: not a catalog format
])
def test_files_that_are_not_usable_photos(data, key):
    report = photo.check_photo(data, "x")
    assert not report.ok_image
    assert report.keys() == (key,) and report.findings[0].level == "error"
    assert report.platforms == () and report.brightness is None


def test_a_heic_name_is_enough_to_explain():
    report = photo.check_photo(b"\x00" * 200, "IMG_0001.HEIC")
    assert report.keys() == ("heic",)
    assert "JPEG" in report.findings[0].text


def test_a_truncated_jpeg_is_broken(good):
    report = photo.check_photo(good[: len(good) // 2])
    assert report.keys() == ("broken",)
    assert "rusak" in report.findings[0].text


def test_a_file_over_15_mb_is_refused_before_reading():
    data = b"\xff\xd8\xff" + bytes(15 * MB)
    started = time.perf_counter()
    report = photo.check_photo(data)
    assert time.perf_counter() - started < 0.5
    assert report.keys() == ("too_large_file",)
    assert "15 MB" in report.findings[0].text and "15,0 MB" in report.findings[0].text


def test_a_photo_of_exactly_15_mb_is_accepted(good):
    padded = good + bytes(15 * MB - len(good))  # decoders stop at the end-of-image marker
    report = photo.check_photo(padded)
    assert report.ok_image and "size_ok" in report.keys()


@pytest.mark.parametrize("side", [8000, 10000, 30000])
def test_decompression_bombs_are_refused_without_decoding(side):
    # 64 MP is over the kit's limit, 100 MP over Pillow's warning, 900 MP over its error.
    data = png_header_only(side, side)
    assert len(data) < 200
    started = time.perf_counter()
    report = photo.check_photo(data)
    assert time.perf_counter() - started < 0.5
    assert report.keys() == ("too_many_pixels",)
    assert "50 juta piksel" in report.findings[0].text


def test_improved_copy_of_a_bad_file_raises_a_plain_error():
    with pytest.raises(photo.PhotoError) as caught:
        photo.improved_copy(b"hello")
    assert caught.value.key == "not_image" and "bukan foto" in str(caught.value)
    with pytest.raises(ValueError):
        photo.thumbnail_data_uri(b"", 100)


@settings(max_examples=40)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(data):
    report = photo.check_photo(data, "random.jpg")
    assert isinstance(report, photo.PhotoReport)
    assert report.findings


@pytest.fixture(scope="module")
def small_jpeg() -> bytes:
    return encode(textured(64, 64))


@settings(max_examples=40)
@given(st.data())
def test_damaged_jpegs_never_crash(small_jpeg, data):
    damaged = bytearray(small_jpeg)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(damaged)))
    result = photo.analyse(bytes(damaged[:cut]), "rusak.jpg")
    assert result.report.findings
    if not result.report.ok_image:
        assert result.improved is None and result.before_uri == ""


# --- The improved copy ----------------------------------------------------------------------


def test_copy_of_a_good_photo_is_a_1080_square_jpeg(good):
    copy = photo.improved_copy(good)
    img = decoded(copy)
    assert img.format == "JPEG" and img.size == (1080, 1080)
    assert photo.improved_copy(good) == copy  # deterministic


def test_copy_of_a_dark_photo_is_brighter_but_not_washed_out():
    data = encode(textured(1000, 1000, 10, 40))
    result = photo.analyse(data)
    assert result.improved.brightened
    before, after = mean_of(data), mean_of(result.improved.jpeg)
    assert after > before + 25
    assert after < 140


def test_copy_of_a_good_photo_is_not_brightened(good):
    result = photo.analyse(good)
    assert not result.improved.brightened
    assert abs(mean_of(result.improved.jpeg) - mean_of(good)) < 5


def test_a_four_by_three_photo_is_cut_in_the_middle():
    img = textured(1200, 900)
    img.paste((255, 0, 0), (0, 0, 150, 900))  # a red strip that the centre cut removes
    result = photo.analyse(encode(img))
    assert result.improved.cropped
    copy = decoded(result.improved.jpeg)
    assert copy.size == (1080, 1080)
    red, green, _blue = copy.getpixel((3, 540))
    assert not (red > 200 and green < 60)


def test_a_wide_photo_is_placed_whole_on_white():
    result = photo.analyse(encode(textured(1600, 900)))
    assert not result.improved.cropped
    copy = decoded(result.improved.jpeg)
    assert copy.size == (1080, 1080)
    assert min(copy.getpixel((540, 5))) > 245 and min(copy.getpixel((540, 1074))) > 245
    assert max(copy.getpixel((540, 540))) < 245  # the photo itself, in the middle


def test_a_small_photo_is_enlarged_at_most_twice():
    result = photo.analyse(encode(textured(400, 400)))
    assert result.improved.side == 800 and result.improved.upscaled
    assert decoded(result.improved.jpeg).size == (800, 800)
    big = photo.analyse(encode(textured(550, 550)))
    assert big.improved.side == 1080


def test_thumbnail_is_a_small_jpeg_data_uri(good):
    uri = photo.thumbnail_data_uri(good, 160)
    assert uri.startswith("data:image/jpeg;base64,")
    raw = base64.b64decode(uri.split(",", 1)[1])
    assert decoded(raw).size == (160, 160) and len(raw) < 30_000


def test_analyse_gives_the_previews_from_one_decode(good):
    result = photo.analyse(good, "keset.jpg")
    assert result.report.ok_image
    assert result.before_uri.startswith("data:image/jpeg;base64,")
    assert result.after_uri.startswith("data:image/jpeg;base64,")
    side = photo.load_rules().kit.preview_side
    assert decoded(base64.b64decode(result.after_uri.split(",", 1)[1])).size == (side, side)


# --- Speed ----------------------------------------------------------------------------------


def test_a_12_megapixel_phone_photo_is_checked_quickly():
    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:3000, 0:4000]
    base = 120 + 60 * np.sin(x / 150) * np.cos(y / 200)
    grey = np.clip(base + rng.normal(0, 12, base.shape), 0, 255)
    data = encode(Image.fromarray(np.stack([grey, grey * 0.8, grey * 0.6], -1).astype(np.uint8)),
                  quality=90)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        report = photo.check_photo(data)
        timings.append(time.perf_counter() - started)
    assert report.ok_image and (report.width, report.height) == (4000, 3000)
    assert min(timings) < 1.0, timings
