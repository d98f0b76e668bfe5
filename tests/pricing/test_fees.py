"""widgets.pricing.fees: the marketplace fee file loads with a date and a source for every rate, a
missing one is an error naming the file and the key, and old rates are flagged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from widgets.core.village import DataError
from widgets.pricing import fees
from widgets.pricing.fees import FEES_FILE, load_fees, months_before

TODAY = dt.date(2026, 11, 28)
DATED_BLOCKS = ["shopee.admin_fee", "shopee.order_fee", "shopee.charged_on",
                "tokopedia.admin_fee", "tokopedia.order_fee", "tokopedia.charged_on", "pph22",
                "bukalapak"]


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(FEES_FILE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "marketplace_fees.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    fees.clear_cache()
    return path


def block(data: dict, dotted: str) -> dict:
    for part in dotted.split("."):
        data = data[part]
    return data


def test_the_facts_as_dated_in_the_file():
    data = load_fees()
    shopee, tokopedia = data.marketplaces["shopee"], data.marketplaces["tokopedia"]
    assert shopee.admin_fee.clusters["fashion"].low == 425
    assert shopee.admin_fee.clusters["fashion"].high == 900
    assert shopee.admin_fee.clusters["lifestyle"].low == 250
    assert shopee.admin_fee.dated.as_of == dt.date(2026, 1, 1)
    assert "Katadata" in shopee.admin_fee.dated.source
    assert (shopee.order_fee.amount, shopee.order_fee.starts) == (1250, dt.date(2025, 7, 20))
    assert shopee.order_fee.exempt_first_orders == 50
    assert (tokopedia.order_fee.amount, tokopedia.order_fee.starts) == (1250,
                                                                        dt.date(2025, 8, 11))
    assert tokopedia.admin_fee.dated.as_of == dt.date(2024, 9, 16)
    assert (data.pph22.rate, data.pph22.exempt_up_to) == (50, 500_000_000)
    assert "PMK 37/2025" in data.pph22.dated.source
    assert data.bukalapak.last_orders == dt.date(2025, 2, 9)
    assert "ongkos kirim" in shopee.charged_on["id"]
    assert tokopedia.charged_on_dated.unverified and not shopee.charged_on_dated.unverified


def test_the_ten_percent_tier_is_eight_percent_at_tokopedia_only():
    data = load_fees()
    assert data.marketplaces["tokopedia"].admin_fee.effective(1000) == 800
    assert data.marketplaces["tokopedia"].admin_fee.effective(900) == 900
    assert data.marketplaces["tokopedia"].admin_fee.assumed("lifestyle") == 800
    assert data.marketplaces["shopee"].admin_fee.effective(1000) == 1000
    assert data.marketplaces["shopee"].admin_fee.assumed("fashion") == 900


def test_order_fees_and_tax_start_on_their_dates():
    data = load_fees()
    fee = data.marketplaces["shopee"].order_fee
    assert not fee.applies(dt.date(2025, 7, 19)) and fee.applies(dt.date(2025, 7, 20))
    assert not data.pph22.applies(dt.date(2025, 7, 13)) and data.pph22.applies(TODAY)


def test_every_rate_is_older_than_six_months_on_28_november_2026():
    data = load_fees()
    stale = data.stale(TODAY)
    assert [rate.key for rate in stale] == [r.key for r in data.rates()]
    assert "bukalapak" not in [rate.key for rate in data.rates()]  # history, not a rate


def test_only_rates_older_than_six_months_are_stale():
    data = load_fees()
    # The 1 January 2026 rate turns six months old on 1 July 2026: not stale that day, stale
    # from 2 July.
    assert "shopee.admin_fee" not in [r.key for r in data.stale(dt.date(2026, 7, 1))]
    assert "shopee.admin_fee" in [r.key for r in data.stale(dt.date(2026, 7, 2))]
    assert data.stale(dt.date(2025, 3, 1)) == []


@pytest.mark.parametrize(("day", "before"), [
    (dt.date(2026, 11, 28), dt.date(2026, 5, 28)), (dt.date(2026, 8, 31), dt.date(2026, 2, 28)),
    (dt.date(2024, 8, 31), dt.date(2024, 2, 29)), (dt.date(2026, 3, 15), dt.date(2025, 9, 15)),
])
def test_months_before(day, before):
    assert months_before(day, 6) == before


@pytest.mark.parametrize("dotted", DATED_BLOCKS)
@pytest.mark.parametrize("key", ["as_of", "source"])
def test_a_missing_date_or_source_names_the_file_and_key(tmp_path, raw, dotted, key):
    del block(raw, dotted)[key]
    with pytest.raises(DataError) as caught:
        load_fees(write(tmp_path, raw))
    message = str(caught.value)
    assert "marketplace_fees.yaml" in message
    assert f"{dotted}.{key}" in message


def test_an_empty_source_is_missing_too(tmp_path, raw):
    raw["pph22"]["source"] = "  "
    with pytest.raises(DataError, match=r"pph22\.source"):
        load_fees(write(tmp_path, raw))


@pytest.mark.parametrize(("change", "key", "words"), [
    (lambda d: d["shopee"]["admin_fee"]["clusters"]["fashion"].update(max="sembilan"),
     "shopee.admin_fee.clusters.fashion.max", "bukan persen"),
    (lambda d: d["shopee"]["admin_fee"]["clusters"]["fashion"].update(min="12"),
     "shopee.admin_fee.clusters.fashion", "lebih tinggi"),
    (lambda d: d["pph22"].update(rate="150"), "pph22.rate", "bukan persen"),
    (lambda d: d["tokopedia"]["order_fee"].update(amount="Rp1.250"),
     "tokopedia.order_fee.amount", "bukan angka rupiah"),
    (lambda d: d["shopee"]["order_fee"].update(as_of="20 Juli 2025"),
     "shopee.order_fee.as_of", "bukan tanggal"),
    (lambda d: d.pop("tokopedia"), "tokopedia", "kosong"),
])
def test_bad_values_name_the_key(tmp_path, raw, change, key, words):
    change(raw)
    with pytest.raises(DataError) as caught:
        load_fees(write(tmp_path, raw))
    assert key in str(caught.value) and words in str(caught.value)
    assert "marketplace_fees.yaml" in caught.value.text("en")
