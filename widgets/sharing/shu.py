"""A cooperative's SHU (*sisa hasil usaha*) under UU 25/1992, Pasal 45. Plain Python.

The members' meeting and the bylaws (AD/ART) set percentages for the SHU: a reserve
(*cadangan*), member services split into capital services (JMA, *jasa modal anggota*) and
business services (JUA, *jasa usaha anggota*), and funds for the board, staff, education, social
work and local development. Each member then gets

    (their transactions ÷ all members' transactions) × JUA + (their savings ÷ all savings) × JMA

Every step is a ``split_profit``, so the allocations add up to the SHU and the members' shares
add up to JUA + JMA, to the rupiah.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from widgets.sharing.split import (
    Contribution,
    Distribution,
    SharingError,
    member_names,
    percent_text,
    percent_value,
    split_profit,
)

# The allocations the lesson knows by name, in the order a bylaw usually lists them.
ALLOCATIONS = ("cadangan", "jua", "jma", "pengurus", "karyawan", "pendidikan", "sosial",
               "pembangunan")
MEMBER_SERVICES = ("jua", "jma")


@dataclass(frozen=True)
class ShuSteps:
    """One member's share worked out the way a person would on paper (for explanations)."""

    name: str
    transactions: int
    all_transactions: int
    jua: int
    savings: int
    all_savings: int
    jma: int
    from_jua: int
    from_jma: int

    @property
    def share(self) -> int:
        return self.from_jua + self.from_jma


def allocate(shu: int, bylaws: Mapping[str, object]) -> dict[str, int]:
    """The SHU split by the bylaws' percentages, which must add up to exactly 100."""
    if isinstance(shu, bool) or not isinstance(shu, int):
        raise TypeError("shu must be int rupiah")
    if shu < 0:
        raise SharingError("shu_loss")
    percents = {key: percent_value(value) for key, value in bylaws.items()}
    unknown = [key for key in percents if key not in ALLOCATIONS]
    if unknown:
        raise ValueError(f"unknown allocations {unknown}")
    total = sum(percents.values())
    if total != 100:
        raise SharingError("bylaws_not_100", percent=percent_text(total))
    if shu == 0:
        return dict.fromkeys(percents, 0)
    return split_profit(shu, percents)


def _member_weights(members: Sequence[Contribution], field: str) -> dict[str, int]:
    weights = {}
    for member in members:
        value = getattr(member, field)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise SharingError("weight_negative", name=member.name)
        weights[member.name] = value
    return weights


def _split_service(amount: int, weights: dict[str, int], empty_key: str) -> dict[str, int]:
    if amount == 0:
        return dict.fromkeys(weights, 0)
    if not any(weights.values()):
        raise SharingError(empty_key)
    return split_profit(amount, weights)


def shu_distribution(shu: int, bylaws: Mapping[str, object],
                     members: Sequence[Contribution]) -> Distribution:
    """Method 6: the members' shares of JUA (by transactions) and JMA (by savings); every
    other allocation (reserve, funds) is set aside."""
    member_names(members)  # names present and unique
    allocation = allocate(shu, bylaws)
    jua, jma = allocation.get("jua", 0), allocation.get("jma", 0)
    by_business = _split_service(jua, _member_weights(members, "transactions"), "no_transactions")
    by_savings = _split_service(jma, _member_weights(members, "savings"), "no_savings")
    shares = {m.name: by_business[m.name] + by_savings[m.name] for m in members}
    kept = {key: value for key, value in allocation.items() if key not in MEMBER_SERVICES}
    params = {"bylaws": {k: percent_text(percent_value(v), ".") for k, v in bylaws.items()},
              "jua": jua, "jma": jma,
              "all_transactions": sum(m.transactions for m in members),
              "all_savings": sum(m.savings for m in members)}
    return Distribution("shu", shu, shares, kept, params)


def member_steps(shu: int, bylaws: Mapping[str, object], members: Sequence[Contribution],
                 name: str) -> ShuSteps:
    """How ``name``'s SHU is worked out, with the same rounding as :func:`shu_distribution`."""
    result = shu_distribution(shu, bylaws, members)
    member = next(m for m in members if m.name == name)
    jua, jma = result.params["jua"], result.params["jma"]
    all_tx, all_sav = result.params["all_transactions"], result.params["all_savings"]
    from_jua = _split_service(jua, _member_weights(members, "transactions"),
                              "no_transactions")[name]
    from_jma = _split_service(jma, _member_weights(members, "savings"), "no_savings")[name]
    return ShuSteps(name, member.transactions, all_tx, jua, member.savings, all_sav, jma,
                    from_jua, from_jma)


def exact_share(steps: ShuSteps) -> Fraction:
    """The member's share before rounding to the rupiah (for checking answers by hand)."""
    part_jua = Fraction(steps.transactions * steps.jua, steps.all_transactions or 1)
    part_jma = Fraction(steps.savings * steps.jma, steps.all_savings or 1)
    return part_jua + part_jma
