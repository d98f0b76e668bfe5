"""Nothing cut off: one check every browser test can call on a Playwright page.

A page can look fine by ``document.scrollWidth`` and still hide half a figure: an output area
that hides its overflow clips a wide table without making the page scroll, and a ``nowrap``
amount wider than its cell paints over the next one ("Rp1.936.000Rp2.270.000"). The check
looks, in the page, for:

- ``clipped``: an element (not a text input or textarea, whose text may scroll inside) whose
  content is wider than its box (``scrollWidth > clientWidth``, 1 px for rounding) while its
  horizontal overflow is hidden or clipped, or which cuts its text with ``text-overflow:
  ellipsis``;
- ``scrolls``: the same inside a box that scrolls sideways (``overflow-x: auto``): on a
  phone nobody finds a sideways swipe inside a page, so the figures are as good as cut off
  (the page itself is not such a box: the tests check ``document.scrollWidth`` for that);
- ``cell``: a table cell whose text (measured with a Range's bounding rectangle) is wider than
  the cell's content box, or sticks out of it on either side.
- ``overlaps``: a label (a radio choice, a field's name) whose text wraps below its own box,
  which has a fixed height, so the lines are painted over the next choice or field;
- ``money-table``: on a phone (below 640 px), a table with three or more amounts (``Rp…``) in
  one row that is not the one money-table pattern (``widgets.ui.tables.money_table``, a card
  per row): such figures are squeezed until they run together or wrap mid-number.

Every finding names a short selector and the text, so a failure says what to fix.

``assert_nothing_cut_off`` looks at both sizes the kit is used at, the phone (360×740) and the
projector (1280×720), whatever size the test drives the page at: it resizes the page, checks,
and puts the page back, so a check after an action (sign-in, save, calculate) covers both.
A view laid out for one size only (a projector view, a deck's slide checked per size) passes
``sizes=None`` to check the current size alone.

    from browser_checks import assert_nothing_cut_off
    assert_nothing_cut_off(page, "lesson 1 after sign-in")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PHONE = {"width": 360, "height": 740}
PROJECTOR = {"width": 1280, "height": 720}
BOTH = (PHONE, PROJECTOR)

# Runs in the page. Only what is rendered counts: hidden widgets (display:none) have no boxes.
_CHECK_JS = r"""
() => {
  const SLACK = 1;  // sub-pixel rounding
  const found = [];
  const visible = el => el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden';
  const name = el => {
    let s = el.tagName.toLowerCase();
    if (el.id) return s + '#' + el.id;
    const own = [...el.classList].filter(c => c.startsWith('uk-') || c.startsWith('ukr-'));
    const any = own.length ? own : [...el.classList].slice(0, 2);
    return s + any.map(c => '.' + c).join('');
  };
  const path = el => {
    // The element and its nearest ancestors, up to one with a class of our own (uk-...).
    const parts = [name(el)];
    let up = el.parentElement;
    while (up && up !== document.body && parts.length < 4) {
      parts.unshift(name(up));
      if ([...up.classList].some(c => c.startsWith('uk-'))) break;
      up = up.parentElement;
    }
    return parts.join(' > ');
  };
  const text = el => (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim()
    .slice(0, 80);
  // Text inputs scroll their own text; a 1 px box is a screen-reader-only live region
  // (reveal.js's .aria-status), hidden from sight on purpose.
  const exempt = el => el.matches('input, textarea') ||
    (el.clientWidth <= 1 && el.clientHeight <= 1);
  const range = document.createRange();
  // Does something one can see stick out of the box? (scrollWidth also counts what is hidden,
  // such as reveal.js's disabled "next" arrow on a deck's last slide.)
  const spills = el => {
    const box = el.getBoundingClientRect();
    const scale = el.offsetWidth ? box.width / el.offsetWidth : 1;
    const low = box.left + (el.clientLeft - SLACK) * scale;
    const high = box.left + (el.clientLeft + el.clientWidth + SLACK) * scale;
    const out = r => r.width > 0 && (r.right > high || r.left < low);
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (!n.textContent.trim() || !visible(n.parentElement)) continue;
        range.selectNodeContents(n);
        if (out(range.getBoundingClientRect())) return true;
      } else if (visible(n) && out(n.getBoundingClientRect())) {
        return true;
      }
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (exempt(el) || !visible(el)) continue;
    const style = getComputedStyle(el);
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const ellipsis = style.textOverflow === 'ellipsis';
    if (!clips && !scrolls && !ellipsis) continue;
    if (el.scrollWidth > el.clientWidth + SLACK && (ellipsis || spills(el))) {
      found.push({kind: scrolls && !ellipsis ? 'scrolls' : 'clipped', selector: path(el),
                  text: text(el),
                  detail: `content ${el.scrollWidth}px in a ${el.clientWidth}px box` +
                          (ellipsis ? ' (ellipsis)' : ` (overflow-x: ${style.overflowX})`)});
    }
  }
  for (const cell of document.body.querySelectorAll('td, th')) {
    if (!visible(cell) || !cell.textContent.trim()) continue;
    const style = getComputedStyle(cell);
    const box = cell.getBoundingClientRect();
    // With collapsed borders a cell owns half of each border it shares.
    const table = cell.closest('table');
    const share = table && getComputedStyle(table).borderCollapse === 'collapse' ? 0.5 : 1;
    const px = p => parseFloat(style[p]) || 0;
    const scale = cell.offsetWidth ? box.width / cell.offsetWidth : 1;
    const left = box.left + scale * (share * px('borderLeftWidth') + px('paddingLeft'));
    const right = box.right - scale * (share * px('borderRightWidth') + px('paddingRight'));
    range.selectNodeContents(cell);
    const ink = range.getBoundingClientRect();
    // Rectangles are on screen; a deck scales its slide, so the slack scales with it.
    const slack = SLACK * scale;
    if (ink.width > right - left + slack || ink.left < left - slack ||
        ink.right > right + slack) {
      found.push({kind: 'cell', selector: path(cell), text: text(cell),
                  detail: `text ${Math.round(ink.width)}px in a ` +
                          `${Math.round(right - left)}px cell`});
    }
  }
  // A label of fixed height (ipywidgets sets one on radio choices and field names) whose
  // text wraps to more lines than fit: the lines are painted over what follows.
  for (const label of document.body.querySelectorAll('label, .widget-label')) {
    if (!visible(label) || !label.textContent.trim()) continue;
    if (getComputedStyle(label).overflowY !== 'visible') continue;
    range.selectNodeContents(label);
    const ink = range.getBoundingClientRect();
    const box = label.getBoundingClientRect();
    if (ink.height > 0 && ink.bottom > box.bottom + 2 * SLACK) {
      found.push({kind: 'overlaps', selector: path(label), text: text(label),
                  detail: `text ${Math.round(ink.height)}px high in a ` +
                          `${Math.round(box.height)}px label`});
    }
  }
  // On a phone, a table with three or more amounts in a row must be the one money-table
  // pattern (widgets.ui.tables.money_table: a card per row), or its figures run together.
  if (window.innerWidth <= 640) {  // the page template's cards: @media (max-width: 640px)
    for (const table of document.body.querySelectorAll('table')) {
      if (!visible(table) || table.classList.contains('uk-cards')) continue;
      const most = Math.max(0, ...[...table.rows].map(
        row => [...row.cells].filter(c => /Rp\s?\d/.test(c.textContent)).length));
      if (most >= 3) {
        found.push({kind: 'money-table', selector: path(table), text: text(table),
                    detail: `${most} amounts in a row of a table that is not table.uk-cards`});
      }
    }
  }
  return found;
}
"""


@dataclass(frozen=True)
class CutOff:
    """One place where content is cut off or runs out of its cell."""

    kind: str  # "clipped", "scrolls", "cell", "overlaps" or "money-table"
    selector: str
    text: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.selector} {self.detail}: {self.text!r}"


def find_cut_off(page) -> list[CutOff]:
    """Every element of the page whose content is cut off, and every cell whose text spills."""
    return [CutOff(**item) for item in page.evaluate(_CHECK_JS)]


def assert_nothing_cut_off(page, where: str = "",
                           sizes: Sequence[dict[str, int]] | None = BOTH) -> None:
    """Fail with a list of what is cut off (selector, size, text), if anything is: at each of
    ``sizes`` (the page is put back to its own size after), or at the current size only."""
    own = page.viewport_size
    found: list[str] = []
    try:
        # The page's own size first: no resize when it is the only one.
        for size in sorted(sizes or [own], key=lambda size: size != own):
            if size and size != page.viewport_size:
                page.set_viewport_size(size)
            page.wait_for_timeout(300)  # let the last widget message (or the resize) lay out
            width = page.viewport_size["width"] if page.viewport_size else "?"
            found += [f"at {width}px: {item}" for item in find_cut_off(page)]
    finally:
        if own and page.viewport_size != own:
            page.set_viewport_size(own)
            page.wait_for_timeout(300)
    listing = "\n  ".join(found)
    assert not found, f"cut off{' ' + where if where else ''}:\n  {listing}"
