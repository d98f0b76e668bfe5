"""widgets.pricing.data: Jepara's harga.yaml loads, agrees with the cash book and the goat
records it draws on, and a broken value names harga.yaml and the key. Also the worked
investor-and-supermarket case (widgets.pricing.supermarket), by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from widgets.cashbook.data import load_cashbook
from widgets.core import village
from widgets.core.village import DataError, load_village
from widgets.pricing import costing
from widgets.pricing.data import clear_cache, load_pricing
from widgets.pricing.fees import load_fees
from widgets.pricing.records import (
    cashbook_facts,
    goat_sales,
    herd_losses,
    shop_commission,
)
from widgets.pricing.supermarket import investor_case

JEPARA = village.DATASETS_DIR / "jepara"


@pytest.fixture(scope="module")
def data():
    return load_pricing(load_village("jepara"))


@pytest.fixture(scope="module")
def facts():
    village = load_village("jepara")
    return cashbook_facts(load_cashbook(village).book("konveksi"),
                          load_pricing(village).fact_rules)


def test_prefilled_sheets_for_keset_and_school_uniform(data):
    assert set(data.sheets) == {"keset_bulat", "seragam_sekolah"}
    assert costing.unit_cost(data.sheets["keset_bulat"]).total == 16_400
    assert costing.unit_cost(data.sheets["seragam_sekolah"]).total == 80_960
    assert data.product("keset_bulat").price == 15_000


def test_the_cash_book_gives_the_keset_prices(facts):
    # 6 purchases of kain perca: 2 karung 200.000, 1 karung 100.000, ... -> 100.000 a karung
    # electricity 1.290.000 over 7 months = 184.285,7 -> 184.286
    # upkeep (needles, servicing; not the second-hand overlock machine) 305.000 ÷ 7 -> 43.571
    assert facts.months == 7
    assert (facts.unit_prices["perca"], facts.unit_prices["benang"], facts.trip_to_town) == (
        100_000, 30_000, 40_000)
    assert (facts.electricity_per_month, facts.upkeep_per_month) == (184_286, 43_571)
    assert (facts.direct_price, facts.shop_pays) == (15_000, 12_000)
    assert shop_commission(facts) == pytest.approx(0.2)


def test_cash_book_lines_are_patterns():
    """``harga.yaml`` writes the rows as a facilitator reads them: ``{n}`` and ``...``."""
    from widgets.pricing.records import LineRule, line_pattern

    assert line_pattern("... kain perca {n} karung ...").fullmatch("Beli Kain perca 2 karung")
    rule = LineRule("x", ("setoran titipan ...: {n} keset laku",))
    assert rule.matches("Setoran titipan Warung Mbak Ida: 12 keset laku")[1] == "12"
    assert rule.matches("Setoran titipan Warung Pak Darman: 8 keset bulat dan 2 keset karakter") \
        is None
    assert line_pattern("a.b {n}").fullmatch("a.b 3") and not line_pattern("a.b").fullmatch("axb")


def test_harga_yaml_uses_the_cash_book_prices(data, facts):
    """The figures harga.yaml says come from the cash book still match it."""
    sheet = data.sheets["keset_bulat"]
    prices = {m.name: m.unit_price for m in sheet.materials}
    assert prices["Kain perca"] == facts.unit_prices["perca"]
    assert prices["Benang jahit"] == facts.unit_prices["benang"]
    assert prices["Angkot ke toko tekstil Metro"] == facts.trip_to_town
    assert data.channels.commission == shop_commission(facts) * 10_000
    exercise = {m.name: m.unit_price for m in data.cost_exercise.sheet.materials}
    assert exercise["Kain perca"] == facts.unit_prices["perca"]
    # The keset's quarter of the machine costs, rounded to the thousand.
    overheads = {o.name: o.monthly for o in sheet.overheads}
    assert abs(overheads["Listrik (bagian keset)"] - facts.electricity_per_month / 4) < 500
    assert abs(overheads["Servis dan jarum mesin (bagian keset)"]
               - facts.upkeep_per_month / 4) < 500


def test_the_exercise_shopping_is_the_october_cash_book(data):
    book = load_cashbook(load_village("jepara")).book("konveksi")
    october = {e.amount for e in book if (e.day.year, e.day.month) == (2019, 10)
               and e.category in ("bahan", "transport")}
    shopping = {m.cost for m in data.cost_exercise.sheet.materials}
    assert shopping <= october  # 300.000 perca, 60.000 thread, 40.000 minibus


def test_goat_records(data):
    # deaths: 2 + 1 + 1 (does) + 1 (a kid) + 1 + 1 = 7; raised: 19 + 43 born + 1 bought = 63
    assert herd_losses(load_village("jepara")) == (7, 63)
    sales = goat_sales(load_village("jepara"))
    assert [s.per_head for s in sales] == [2_400_000, 2_400_000, 2_600_000, 1_500_000]
    plan = data.goat
    assert (plan.deaths, plan.raised, plan.herd_size, plan.hour_value) == (7, 63, 40, 10_000)
    assert plan.price == sales[2].per_head  # the Idul Adha 2019 price per buck
    assert costing.goat_cost(plan).total == 1_080_000


def test_every_konveksi_product_has_a_cluster_known_to_both_marketplaces(data):
    fees = load_fees()
    for product in data.products("konveksi"):
        cluster = data.clusters[product.key]
        for market in fees.marketplaces.values():
            assert cluster in market.admin_fee.clusters


def test_prefilled_settings_use_the_top_rate_of_the_cluster(data):
    settings = data.settings("keset_bulat", load_fees())
    assert (settings.shopee_rate, settings.tokopedia_rate) == (1000, 1000)
    assert data.settings("seragam_sekolah", load_fees()).shopee_rate == 900
    assert (settings.commission, settings.supermarket_margin, settings.returns) == (2000, 2500,
                                                                                   500)


def test_investor_and_supermarket_case_by_hand(data):
    # shelf 30.000, margin 25% (7.500) -> 22.500; 5% returned -> 21.375 a keset delivered
    # 100 keset: 2.137.500; material back to the investor 9.000 × 100 = 900.000
    # profit 1.237.500: group 60% = 742.500, investor 495.000
    # maklon 8.000 × 100 = 800.000 -> investor 437.500; the group's own cost 7.400 × 100
    assert data.partnership.product == "keset_bulat"
    result = investor_case(data)
    assert result.shop.net_per_unit == 21_375
    assert (result.paid_in, result.materials, result.profit) == (2_137_500, 900_000, 1_237_500)
    assert (result.group_split, result.investor_split) == (742_500, 495_000)
    assert (result.maklon, result.investor_if_maklon, result.group_cost) == (800_000, 437_500,
                                                                              740_000)


# --- Broken files ---------------------------------------------------------------------------


@pytest.fixture
def copy(copy: Path) -> Path:
    """The shared village copy, with the pricing rules read afresh too."""
    clear_cache()
    return copy


def edit(folder: Path, change) -> None:
    path = folder / "harga.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(("change", "key", "words"), [
    (lambda d: d["cost_sheets"].update(keset_kotak=d["cost_sheets"]["keset_bulat"]),
     "cost_sheets.keset_kotak", "bukan kode barang"),
    (lambda d: d["marketplace_clusters"].update(keset_bulat="rumah"),
     "marketplace_clusters.keset_bulat", "bukan kelompok kategori"),
    (lambda d: d["marketplace_clusters"].update(keset_bulat="fmcg"),  # not at Tokopedia
     "marketplace_clusters.keset_bulat", "fashion, lifestyle"),
    (lambda d: d["channels"].update(warung_commission="dua puluh"),
     "channels.warung_commission", "bukan persen"),
    (lambda d: d["cost_sheets"]["keset_bulat"]["materials"][0].update(quantity="dua"),
     "cost_sheets.keset_bulat.materials[1].quantity", "bukan jumlah"),
    (lambda d: d["cost_sheets"]["keset_bulat"]["labour"].update(piece_rate=1000),
     "cost_sheets.keset_bulat.labour", "salah satu saja"),
    (lambda d: d["cost_sheets"]["seragam_sekolah"]["overheads"][0].pop("monthly"),
     "cost_sheets.seragam_sekolah.overheads[1].monthly", "kosong"),
    (lambda d: d["exercises"]["cost"].update(month="Oktober"), "exercises.cost.month",
     "bukan bulan"),
    (lambda d: d["goat"].update(product="sapi"), "goat.product", "bukan kode barang"),
    (lambda d: d.pop("partnership"), "partnership", "kosong"),
])
def test_a_broken_value_names_harga_yaml_and_the_key(copy, change, key, words):
    edit(copy, change)
    with pytest.raises(DataError) as caught:
        load_pricing(load_village("jepara", root=copy.parent))
    assert "harga.yaml" in str(caught.value)
    assert key in str(caught.value) and words in str(caught.value)
