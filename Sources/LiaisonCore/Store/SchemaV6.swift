/// Schema version 6, for the whole life of a case after dispatch:
/// - a case counts its supervision notes;
/// - a deputy's name keeps its 姓氏笔画 key, so the roster comes in stroke order from the database;
/// - a case may be acknowledged by its department (接单) or escalated to the higher-level congress (上报);
///   it is rebuilt because a CHECK cannot be altered, and it keeps whether its due date was counted
///   through a year the calendar did not know, and whether a supervisor closed it without a satisfied rating;
/// - a dispatch keeps its time limit, instructions, receipt, how it ended (returned, swapped, escalated),
///   who gave the reply, and how and when the resident was told;
/// - a department's extension requests and every due date a case has had;
/// - every case's title and description indexed by each three characters (FTS5 trigram), with its list of
///   terms, so `/` finds any case among a million at once. The store writes a new case's row: a trigger
///   cannot, as the file does not trust its schema to use a virtual table (PRAGMA trusted_schema = OFF).
enum SchemaV6 {
    static let sql = """
    CREATE TABLE new_cases (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        year INTEGER NOT NULL,
        serial INTEGER NOT NULL CHECK (serial > 0),
        code TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        description TEXT NOT NULL DEFAULT '',
        category_id INTEGER REFERENCES categories(id),
        tier TEXT CHECK (tier IN ('immediate','joint','major')),
        status TEXT NOT NULL CHECK (status IN ('registered','triaged','dispatched','acknowledged','replied','feedback',
                                               'readyToClose','unsatisfied','escalated','closed')),
        round INTEGER NOT NULL DEFAULT 1 CHECK (round > 0),
        department_id INTEGER REFERENCES departments(id),
        due_date TEXT,
        due_provisional INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0,1)),
        resident_id INTEGER REFERENCES residents(id),
        responsible_deputy_id INTEGER REFERENCES deputies(id),
        source_visit_id INTEGER REFERENCES visits(id),
        escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0,1)),
        opened_on TEXT NOT NULL,
        closed_on TEXT,
        close_reason TEXT NOT NULL DEFAULT '',
        closed_with_reason INTEGER NOT NULL DEFAULT 0 CHECK (closed_with_reason IN (0,1)),
        -- Supervision notes so far, kept with the case: the board lists hundreds at a time.
        supervisions INTEGER NOT NULL DEFAULT 0 CHECK (supervisions >= 0),
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (station_id, year, serial),
        UNIQUE (station_id, code),
        CHECK (due_date IS date(due_date, '+0 days')),
        CHECK (opened_on IS date(opened_on, '+0 days')),
        CHECK (closed_on IS date(closed_on, '+0 days'))
    );
    INSERT INTO new_cases(id, station_id, year, serial, code, title, description, category_id, tier, status, round,
                          department_id, due_date, resident_id, responsible_deputy_id, source_visit_id, escalated,
                          opened_on, closed_on, close_reason, closed_with_reason, supervisions, version)
    SELECT id, station_id, year, serial, code, title, description, category_id, tier, status, round,
           department_id, due_date, resident_id, responsible_deputy_id, source_visit_id, escalated,
           opened_on, closed_on, close_reason, status = 'closed' AND close_reason <> '', coalesce(s.notes, 0), version
    FROM cases LEFT JOIN (SELECT case_id, count(*) AS notes FROM case_events WHERE kind = 'supervised' GROUP BY case_id) s
        ON s.case_id = cases.id;
    DROP TABLE cases;
    ALTER TABLE new_cases RENAME TO cases;
    -- The follow-up board and the overdue count: open cases by status and due date.
    CREATE INDEX cases_by_status_due ON cases(status, due_date);
    -- Monthly statistics: a covering index over the month's cases.
    CREATE INDEX cases_by_opened ON cases(opened_on, status, category_id);
    CREATE INDEX cases_by_resident ON cases(resident_id, status);
    CREATE INDEX cases_by_deputy ON cases(responsible_deputy_id, status);
    CREATE INDEX cases_by_department ON cases(department_id, status);
    -- Provisional due dates to recompute once their year's holidays are known.
    CREATE INDEX cases_by_provisional ON cases(due_provisional) WHERE due_provisional = 1;

    -- 姓氏笔画: each deputy's name as a key whose text order is the stroke order (StrokeOrder), written by
    -- the program, which fills in the rows the migration leaves empty.
    ALTER TABLE deputies ADD COLUMN name_strokes TEXT;

    ALTER TABLE dispatches ADD COLUMN working_days INTEGER CHECK (working_days > 0);
    ALTER TABLE dispatches ADD COLUMN instructions TEXT NOT NULL DEFAULT '';
    ALTER TABLE dispatches ADD COLUMN acknowledged_on TEXT CHECK (acknowledged_on IS date(acknowledged_on, '+0 days'));
    ALTER TABLE dispatches ADD COLUMN ended_on TEXT CHECK (ended_on IS date(ended_on, '+0 days'));
    ALTER TABLE dispatches ADD COLUMN ended_how TEXT CHECK (ended_how IN ('returned','swapped','escalated'));
    ALTER TABLE dispatches ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE dispatches ADD COLUMN replied_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE dispatches ADD COLUMN feedback_on TEXT CHECK (feedback_on IS date(feedback_on, '+0 days'));
    ALTER TABLE dispatches ADD COLUMN feedback_method TEXT CHECK (feedback_method IN ('phone','visit','atStation'));

    CREATE TABLE extension_requests (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        round INTEGER NOT NULL CHECK (round > 0),
        requested_on TEXT NOT NULL CHECK (requested_on IS date(requested_on, '+0 days')),
        proposed_due TEXT NOT NULL CHECK (proposed_due IS date(proposed_due, '+0 days')),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        decided_on TEXT CHECK (decided_on IS date(decided_on, '+0 days')),
        approved INTEGER CHECK (approved IN (0,1)),
        decision_note TEXT NOT NULL DEFAULT '',
        decided_by INTEGER REFERENCES operators(id),
        CHECK ((decided_on IS NULL) = (approved IS NULL))
    );
    CREATE INDEX extension_requests_by_case ON extension_requests(case_id, id);

    -- Every due date a case has had, oldest first: each dispatch, approved extension and recomputation.
    CREATE TABLE due_dates (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        round INTEGER NOT NULL CHECK (round > 0),
        due_date TEXT NOT NULL CHECK (due_date IS date(due_date, '+0 days')),
        set_on TEXT NOT NULL CHECK (set_on IS date(set_on, '+0 days')),
        -- Counted this many working days from counted_from; NULL for a date given outright.
        working_days INTEGER CHECK (working_days > 0),
        counted_from TEXT CHECK (counted_from IS date(counted_from, '+0 days')),
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0,1)),
        why TEXT NOT NULL CHECK (why IN ('dispatched','extended','recomputed'))
    );
    CREATE INDEX due_dates_by_case ON due_dates(case_id, id);
    INSERT INTO due_dates(case_id, round, due_date, set_on, why)
    SELECT case_id, round, due_date, dispatched_on, 'dispatched' FROM dispatches ORDER BY id;

    -- The text ends in a space, so that every two characters of it begin some three-character term.
    CREATE VIRTUAL TABLE case_search USING fts5(text, tokenize = 'trigram');
    CREATE VIRTUAL TABLE case_search_terms USING fts5vocab(case_search, 'row');
    INSERT INTO case_search(rowid, text) SELECT id, title || ' ' || description || ' ' FROM cases;
    """
}
