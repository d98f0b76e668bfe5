"""Larger than 300 lines because it is the whole schema history, one step per change.

The store's schema: an append-only list of steps. Step i brings a file from ``user_version`` i
to i + 1, so a laptop with last month's file is brought up to date when the kit starts. The
same steps make a class's schema on PostgreSQL (``widgets.store.postgres`` translates the DDL).

Tables belong to topics (each topic's ``db.py`` reads and writes its own), but the schema is one
numbered history for the one SQLite file, so it lives here as plain SQL. A new table is one new
``step(...)`` appended at the end; an old step is never edited.
"""

from __future__ import annotations

from collections.abc import Callable

from widgets.store.backend import Connection

Migration = Callable[[Connection], None]


def step(*statements: str) -> Migration:
    """A migration that runs ``statements`` one by one (executescript() would COMMIT the
    surrounding transaction, so a failed migration could not be rolled back)."""

    def migrate(conn: Connection) -> None:
        for sql in statements:
            conn.execute(sql)

    return migrate


_PARTICIPANTS_ENTRIES_ANSWERS = step(
    """CREATE TABLE participants (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        pin_salt BLOB,
        pin_hash BLOB,
        kdf TEXT,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
    )""",
    # AUTOINCREMENT so a deleted entry's id is never reused: a stale phone screen that still
    # shows it must not end up editing someone's newer entry.
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        description TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        category TEXT NOT NULL,
        purse TEXT NOT NULL CHECK (purse IN ('usaha', 'rumah')),
        amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX entries_by_participant ON entries(participant_id, day, id)",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX answers_by_participant ON answers(participant_id, exercise, id)",
)

_SHARING = step(
    # A group's agreed sharing rule. Every save is a new row; the newest is the rule in force,
    # the older ones show how the agreement changed.
    """CREATE TABLE sharing_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        group_name TEXT NOT NULL,
        method TEXT NOT NULL,
        params TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX sharing_rules_by_participant ON sharing_rules(participant_id, group_key, id)",
    # One distribution as recorded in the berita acara: shares and set-aside amounts are JSON
    # lists of [label, rupiah] in the order shown; they must add up to the total.
    """CREATE TABLE distributions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        group_name TEXT NOT NULL,
        day TEXT NOT NULL,
        place TEXT NOT NULL,
        method TEXT NOT NULL,
        params TEXT NOT NULL,
        total INTEGER NOT NULL CHECK (typeof(total) = 'integer'),
        shares TEXT NOT NULL,
        set_aside TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX distributions_by_participant ON distributions(participant_id, group_key, id)",
)

_POSTS = step(
    # Promotion texts a participant saved (lesson 4 posts, lesson 5 listings): the parts as
    # JSON, so the composer can open them again, and the text as it was shown.
    """CREATE TABLE posts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('post', 'listing')),
        platform TEXT NOT NULL,
        parts TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX posts_by_participant ON posts(participant_id, kind, id)",
)

_CREDIT = step(
    # The credit book (cashbook.credit_db): debts owed to the participant's group (piutang) and
    # by it (utang). ``amount`` is what was lent; payments say what is left.
    """CREATE TABLE credit_debts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('piutang', 'utang')),
        who TEXT NOT NULL,
        what TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
        day TEXT NOT NULL,
        due TEXT NOT NULL,
        category TEXT NOT NULL,
        phone TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX credit_debts_by_participant ON credit_debts(participant_id, day, id)",
    # Each payment is also a cash-book line (entry_id, one line per payment). No ON DELETE
    # CASCADE on debt_id or entry_id: SQLite refuses to drop a debt that still has payments, or
    # a cash-book line a payment still points at, so the two books cannot drift apart.
    """CREATE TABLE credit_payments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        debt_id INTEGER NOT NULL REFERENCES credit_debts(id),
        entry_id INTEGER NOT NULL UNIQUE REFERENCES entries(id),
        day TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX credit_payments_by_debt ON credit_payments(participant_id, debt_id, id)",
)

_TRAINING = step(
    # The trainer's password: one row, a salted scrypt hash, and the wrong-attempt counter.
    """CREATE TABLE trainer_password (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        kdf TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        updated_at TEXT NOT NULL
    )""",
    # A sign-in on a lesson page: attendance and "who is where now" are built from these.
    """CREATE TABLE visits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        page TEXT NOT NULL,
        day TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX visits_by_day ON visits(day, participant_id)",
    """CREATE TABLE participant_profiles (
        participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('', 'L', 'P')),
        updated_at TEXT NOT NULL
    )""",
    # One pre-test, one post-test and one satisfaction form per participant (JSON bodies).
    """CREATE TABLE evaluations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (phase IN ('pre', 'post', 'satisfaction')),
        answers TEXT NOT NULL,
        extra TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (participant_id, phase)
    )""",
    # People the trainer adds to a day's attendance list (no phone: they worked in pairs).
    """CREATE TABLE attendance_added (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        group_key TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('', 'L', 'P')),
        session TEXT NOT NULL,
        partner TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    # The trainer's own paragraphs of the activity report (conclusions, follow-up plan, ...).
    """CREATE TABLE report_texts (
        key TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
)

_GROUP = step(
    # The communication lesson (widgets/group): a group's meeting notulen and its duty rosters,
    # kept by the participant who wrote them and labelled with the group. The notulen, and the
    # roster with its swaps and attendance, are JSON checked by widgets/group/db.py.
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        day TEXT NOT NULL,
        notulen TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX meetings_by_participant ON meetings(participant_id, group_key, day, id)",
    """CREATE TABLE rosters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        roster TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX rosters_by_participant ON rosters(participant_id, group_key, id)",
)

_FGD = step(
    # The FGD board. A question is copied from the village's prepared set (or typed on the spot)
    # when the trainer first uses it; state ready -> open -> closed (and open again).
    """CREATE TABLE fgd_questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,
        lesson TEXT NOT NULL,
        kind TEXT NOT NULL
            CHECK (kind IN ('poll', 'scale', 'words', 'ideas', 'ranking', 'volunteer')),
        text TEXT NOT NULL,
        options TEXT NOT NULL,
        anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('ready', 'open', 'closed')),
        revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
        round INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL DEFAULT '',
        agreed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    # The question phones and the projector show now (one row).
    """CREATE TABLE fgd_current (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        question_id INTEGER REFERENCES fgd_questions(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL
    )""",
    # One answer per participant and question (JSON); a new answer replaces the old one.
    """CREATE TABLE fgd_answers (
        question_id INTEGER NOT NULL REFERENCES fgd_questions(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        answer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (question_id, participant_id)
    )""",
    # Idea cards: the trainer's group name, and the card a duplicate was merged into.
    """CREATE TABLE fgd_cards (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        question_id INTEGER NOT NULL REFERENCES fgd_questions(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        group_name TEXT NOT NULL DEFAULT '',
        merged_into INTEGER REFERENCES fgd_cards(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX fgd_cards_by_question ON fgd_cards(question_id, id)",
    # Anonymous 1-5 scores of other people's cards, one per card, person and round.
    """CREATE TABLE fgd_scores (
        card_id INTEGER NOT NULL REFERENCES fgd_cards(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (card_id, participant_id, round)
    )""",
)

_POOL = step(
    # Which lesson the preheated kernels are for (widgets/kit/pool.py): the trainer asks, the
    # server moves the pool and writes back what is ready. One row.
    """CREATE TABLE kernel_pool (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        lesson TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        ready_lesson TEXT NOT NULL DEFAULT '',
        ready_size INTEGER NOT NULL DEFAULT 0,
        ready_at TEXT
    )""",
)

_SIGNIN_DEVICES = step(
    # Wrong PINs counted per phone as well as per name, so guessing from one phone does not
    # lock the owner out on theirs. ``device`` is a random id the page keeps in the browser;
    # ``trusted`` marks a phone that signed in with the right PIN.
    """CREATE TABLE signin_devices (
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        device TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        trusted INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
        PRIMARY KEY (participant_id, device)
    )""",
    # A sign-in carried to the next lesson: only the SHA-256 of the random token the browser
    # keeps, for that phone, until it expires.
    """CREATE TABLE signin_tokens (
        token_hash BLOB PRIMARY KEY,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        device TEXT NOT NULL,
        expires_at TEXT NOT NULL
    )""",
)

_STOCK = step(
    # The consignment stock card (promotion.stockcard, promotion.db): one card per shop and
    # product, with the price to the group per piece and the days the shop has to pay. One
    # card per shop and product is kept by promotion.db, not by a UNIQUE rule, so that merging
    # two participants (training.manage) keeps both people's cards.
    """CREATE TABLE stock_cards (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        shop TEXT NOT NULL COLLATE NOCASE,
        product TEXT NOT NULL COLLATE NOCASE,
        price INTEGER NOT NULL CHECK (typeof(price) = 'integer' AND price > 0),
        payment_days INTEGER NOT NULL CHECK (typeof(payment_days) = 'integer'
                                             AND payment_days >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    # Goods taken to the shop (antar), sold there (laku) and brought back (kembali). A laku is
    # also a piutang in the credit book (debt_id, one debt per laku); the money the shop pays
    # is that debt's credit-book payments. Deleting the debt in the credit book takes its laku
    # line with it, so the card and the credit book never disagree.
    """CREATE TABLE stock_moves (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        card_id INTEGER NOT NULL REFERENCES stock_cards(id),
        kind TEXT NOT NULL CHECK (kind IN ('antar', 'laku', 'kembali')),
        day TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity > 0),
        debt_id INTEGER UNIQUE REFERENCES credit_debts(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        CHECK ((kind = 'laku') = (debt_id IS NOT NULL))
    )""",
    "CREATE INDEX stock_moves_by_card ON stock_moves(participant_id, card_id, day, id)",
)

_CLASS = step(
    # Which class and village this store holds (one row), so the programme office's export
    # (training.aggregate) can label every class's figures, from a file or a shared database.
    """CREATE TABLE class_info (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        class_key TEXT NOT NULL,
        village TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
)

# Append only.
MIGRATIONS: tuple[Migration, ...] = (_PARTICIPANTS_ENTRIES_ANSWERS, _SHARING, _POSTS, _CREDIT,
                                     _TRAINING, _GROUP, _FGD, _POOL, _SIGNIN_DEVICES, _STOCK,
                                     _CLASS)
