"""``python -m usaha_kita new-village <nama>``: a new village folder to edit, started from the
kit's reference village (``datasets/jepara/``, which always passes every check).

Every YAML file gets a banner saying it is still the example and what to do with it; the
profile's village name becomes the new folder's; ``BACA-DULU.md`` lists the files in the order
to edit them, with what each one feeds. A bad or taken name is refused with a plain-Indonesian
message. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from widgets.core.datafile import SLUG
from widgets.core.i18n import t
from widgets.core.village import DATASETS_DIR, PROFILE

TEMPLATE = "jepara"
GUIDE = "BACA-DULU.md"
GUIDE_TEXT = """# Folder desa {name}: mulai dari sini

Folder ini dibuat oleh `python -m usaha_kita new-village {name}` sebagai **salinan contoh
Desa Jepara**. Semua isinya masih CONTOH: ganti dengan data desa Anda, satu berkas demi satu
berkas, dengan urutan di bawah. Setiap kali selesai satu berkas, periksa:

    python -m usaha_kita check-village {name}

Pemeriksaan itu menyebut berkas, baris dan kolom setiap kesalahan. Urutan langkah lengkap:
`docs/adaptasi-desa.md`. Arti setiap kolom dan kunci: `datasets/README.md`.

1. `profile.yaml`: nama desa, kelompok (kode, nama, kegiatan), produk dan harganya, anggota
   (kode, nama, peran, modal), tagar. Dipakai semua pelajaran.
2. Buku kas tiap kelompok (CSV yang disebut di `groups.<kelompok>.cashbook`; beri nama baru,
   misalnya `batik_kas.csv`, dan hapus buku kas contoh): tanggal, keterangan, arah (in/out),
   kategori, jumlah, dompet (usaha/rumah). Buku Kas, Harga, Bagi Hasil.
3. `harga.yaml`: lembar biaya tiap produk, potongan saluran jual, latihan. Pelajaran Harga.
4. Berkas di `files:` pada profile: `herd` (peristiwa ternak), `roster` (jadwal piket pakan),
   `pieces` (hasil kerja per anggota), `coop` (koperasi). Bagi Hasil. Hapus baris `files:`
   yang tidak ada di desa Anda.
5. `latihan_minggu.yaml`, `konveksi_utang_piutang.yaml` (boleh diberi nama lain lewat
   `files.credit` di profile), `latihan_utang_piutang.yaml`: latihan buku kas dan bon.
   Pelajaran Buku Kas.
6. `kelompok.yaml`: contoh jadwal piket, cerita rapat, latihan. Komunikasi Kelompok.
7. `cerita.yaml`: semua paragraf pelajaran yang menyebut kelompok, barang, tempat dan musim.
   Tulis ulang setiap paragraf, kuncinya tetap. Semua pelajaran.
8. `evaluasi.yaml` (soal evaluasi awal dan akhir), `pertanyaan_fgd.yaml` (papan FGD).

Pemeriksaan memeriksa angka, kode dan tanggal, bukan cerita: berkas yang masih sama persis
dengan contoh disebut di *Catatan* di akhir laporannya.

Setelah semua bersih, jalankan kit dengan desa ini (lihat `docs/adaptasi-desa.md`).
"""
BANNER = """# ======================================================================================
# CONTOH DARI DESA JEPARA, disalin oleh new-village untuk desa {name}.
# Ganti isinya dengan data desa Anda (urutan: BACA-DULU.md), lalu periksa:
#   python -m usaha_kita check-village {name}
# Komentar di bawah (diawali #) menjelaskan setiap kunci; biarkan atau hapus, kit tidak membacanya.
# ======================================================================================
"""


class NewVillageError(ValueError):
    """The name cannot be used; the message says why, in plain Indonesian."""


def check_name(name: str | None, root: Path) -> str:
    """The folder name, or a NewVillageError saying what is wrong with it."""
    name = (name or "").strip()
    if not name:
        raise NewVillageError(t("new_village.no_name"))
    if not SLUG.fullmatch(name):
        raise NewVillageError(t("new_village.bad_name", name=name))
    if (root / name).exists():
        raise NewVillageError(t("new_village.exists", name=name, folder=root / name))
    return name


def scaffold(name: str | None, root: Path | None = None) -> Path:
    """Make ``<root>/<name>/`` from the template; returns the folder."""
    root = root or DATASETS_DIR
    name = check_name(name, root)
    folder = root / name
    shutil.copytree(DATASETS_DIR / TEMPLATE, folder)
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if path.name == PROFILE:
            text = _renamed(text, name)
        path.write_text(BANNER.format(name=name) + text, encoding="utf-8")
    (folder / GUIDE).write_text(GUIDE_TEXT.format(name=name), encoding="utf-8")
    return folder


def _renamed(profile: str, name: str) -> str:
    """The profile with the new folder's name as the village's name (to be corrected)."""
    title = name.replace("-", " ").replace("_", " ").title()
    lines = [f"village: {title} # ganti dengan nama desa" if line.startswith("village:") else line
             for line in profile.splitlines()]
    return "\n".join(lines) + "\n"


def main(name: str | None, root: Path | None = None) -> int:
    try:
        folder = scaffold(name, root)
    except NewVillageError as exc:
        print(exc)
        return 1
    print(t("new_village.done", folder=folder, name=folder.name, template=TEMPLATE))
    return 0
