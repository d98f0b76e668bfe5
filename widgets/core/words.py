"""The village's words that catalog texts may use without their caller passing them
(``i18n.VILLAGE_WORDS``: ``{item}``, ``{village}``...), from the kit's village profile. Plain
Python; ``widgets.core.village`` hands :func:`village_words` to ``i18n``."""

from __future__ import annotations

from widgets.core.village import Village, load_village


def village_words(village: Village | None = None) -> dict[str, str]:
    """The words catalog texts may use without their caller passing them (see
    ``i18n.VILLAGE_WORDS``): ``item`` (one piece of the production group's first product:
    "keset"), ``item_name`` ("keset bulat"), each also capitalised, ``item_full`` (its name:
    "Keset bulat kain perca"), ``village`` and ``district``, and the livestock group's
    ``animal`` (kambing; ``Animal``) and ``season`` (Idul Adha), and the production group's
    ``materials`` (kain perca, benang; ``Material``: the first, capitalised), the livestock
    group's ``duty`` (ngarit), ``item_short`` (the item without its counting unit: keset,
    keripik; ``Item_short``; ``ITEM``: KESET), ``province``, and the production group's
    ``work`` (menjahit) and ``work_count`` (potong jahitan), and ``unit``, the unit its first
    product is counted and priced in ("buah": "Harga jual per {unit}"), ``count_unit``, the
    unit members' work is counted in for sharing (the first word of ``work_count``: "potong"),
    and ``close_up``, what buyers look at close up in its photo (jahitan)."""
    village = village or load_village()
    group = village.production_group() or next(iter(village.groups.values()))
    product = group.products[0] if group.products else None
    item = product.piece if product else group.called
    # The product without its counting unit ("bungkus keripik" -> "keripik"), for a title.
    short = item.removeprefix(f"{product.unit} ") if product else item
    name = product.said if product else group.called
    livestock = village.livestock_group()
    animal = (livestock.animal or livestock.called) if livestock else "ternak"
    season = livestock.sale_season if livestock and livestock.sale_season else "musim ramai"
    materials = group.materials or "bahan baku"
    # Optional words of the production group, read as the profile has them.
    raw = (village.profile.get("groups") or {}).get(group.key) or {}
    work = str(raw.get("work") or "membuat")
    work_count = str(raw.get("work_count") or "barang yang dibuat")
    close_up = str(raw.get("close_up") or "detail barang")
    material = materials.split(",")[0].strip()
    duty = (livestock.duty if livestock else "") or "piket pakan"
    # The gaduh example's keeper: a member of the livestock group (Jepara: Agus Purnomo).
    keepers = [m for m in livestock.members if m.role == "anggota"] if livestock else []
    return {"materials": materials, "Material": material[:1].upper() + material[1:],
            "duty": duty, "Duty": duty[:1].upper() + duty[1:], "ITEM": short.upper(),
            "keeper": keepers[0].name if keepers else "Pak Rahmat",
            "benefit": (product.benefit if product else "") or "Awet, rapi, harga terjangkau.",
            "province": village.province, "animal": animal, "season": season,
            "Animal": animal[:1].upper() + animal[1:],
            "item": item, "Item": item[:1].upper() + item[1:], "item_name": name,
            "item_short": short, "Item_short": short[:1].upper() + short[1:],
            "Item_name": name[:1].upper() + name[1:],
            "item_full": product.name if product else group.name, "village": village.name,
            "district": village.district, "work": work, "Work": work[:1].upper() + work[1:],
            "work_count": work_count, "unit": product.unit if product else "buah",
            "count_unit": work_count.split()[0], "close_up": close_up}
