/// Schema version 2: every stored date and time is checked to be one (`YYYY-MM-DD` that exists,
/// `YYYY-MM-DD HH:MM:SS`), and the case state after the resident is told is `feedback` (反馈), the
/// glossary's name, instead of `notified`. SQLite cannot add a CHECK to a table, so each table is
/// rebuilt as its documentation describes: create the new table, copy, drop the old one, rename.
/// `IS` rather than `=`: text that is no date makes date() NULL, and `x = NULL` would pass the check.
/// The `+0` modifier makes SQLite normalise the date, so 2026-02-30 (which it would echo) becomes 03-02
/// and fails the comparison.
enum SchemaV2 {
    static let sql = """
    CREATE TABLE new_stations (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES stations(id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('central','street','point','studio','sector')),
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        reception_day_of_month INTEGER CHECK (reception_day_of_month BETWEEN 1 AND 31),
        reception_tie TEXT NOT NULL DEFAULT 'earlier' CHECK (reception_tie IN ('earlier','later')),
        created_at TEXT NOT NULL,
        CHECK (created_at IS strftime('%Y-%m-%d %H:%M:%S', created_at, '+0 seconds'))
    );
    INSERT INTO new_stations SELECT * FROM stations;
    DROP TABLE stations;
    ALTER TABLE new_stations RENAME TO stations;

    CREATE TABLE new_deputies (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        name_pinyin TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('','male','female')),
        level TEXT NOT NULL CHECK (level IN ('national','provincial','city','county','township')),
        sector TEXT NOT NULL DEFAULT '',
        constituency TEXT NOT NULL DEFAULT '',
        station_group TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        workplace TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        CHECK (created_at IS strftime('%Y-%m-%d %H:%M:%S', created_at, '+0 seconds'))
    );
    INSERT INTO new_deputies SELECT * FROM deputies;
    DROP TABLE deputies;
    ALTER TABLE new_deputies RENAME TO deputies;
    CREATE INDEX deputies_by_station ON deputies(station_id, active, level);
    CREATE INDEX deputies_by_pinyin ON deputies(name_pinyin);

    CREATE TABLE new_residents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        name_initials TEXT NOT NULL DEFAULT '',
        phone TEXT,
        phone_refused INTEGER NOT NULL DEFAULT 0 CHECK (phone_refused IN (0,1)),
        id_number TEXT,
        address TEXT NOT NULL DEFAULT '',
        community TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (created_at IS strftime('%Y-%m-%d %H:%M:%S', created_at, '+0 seconds'))
    );
    INSERT INTO new_residents SELECT * FROM residents;
    DROP TABLE residents;
    ALTER TABLE new_residents RENAME TO residents;
    -- One resident per phone number: the reception desk finds them by it.
    CREATE UNIQUE INDEX residents_by_phone ON residents(phone) WHERE phone IS NOT NULL;
    CREATE INDEX residents_by_initials ON residents(name_initials);
    CREATE INDEX residents_by_name ON residents(name);

    CREATE TABLE new_visits (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        day TEXT NOT NULL,
        queue_number INTEGER NOT NULL CHECK (queue_number > 0),
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        channel TEXT NOT NULL CHECK (channel IN ('walkIn','phone','online','letter','homeVisit','meeting')),
        category_id INTEGER REFERENCES categories(id),
        problem TEXT NOT NULL DEFAULT '',
        requested_deputy_id INTEGER REFERENCES deputies(id),
        status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','withDeputy','done','left')),
        outcome TEXT CHECK (outcome IN ('answeredOnSpot','caseOpened','referred')),
        answer TEXT NOT NULL DEFAULT '',
        receiving_deputy_id INTEGER REFERENCES deputies(id),
        referred_to TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases(id),
        arrived_at TEXT NOT NULL,
        called_at TEXT,
        finished_at TEXT,
        UNIQUE (station_id, day, queue_number),
        CHECK (day IS date(day, '+0 days')),
        CHECK (arrived_at IS strftime('%Y-%m-%d %H:%M:%S', arrived_at, '+0 seconds')),
        CHECK (called_at IS strftime('%Y-%m-%d %H:%M:%S', called_at, '+0 seconds')),
        CHECK (finished_at IS strftime('%Y-%m-%d %H:%M:%S', finished_at, '+0 seconds'))
    );
    INSERT INTO new_visits SELECT * FROM visits;
    DROP TABLE visits;
    ALTER TABLE new_visits RENAME TO visits;
    CREATE INDEX visits_by_resident ON visits(resident_id, day);
    CREATE INDEX visits_by_day_status ON visits(station_id, day, status);

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
        status TEXT NOT NULL CHECK (status IN ('registered','triaged','dispatched','replied','feedback','readyToClose','unsatisfied','closed')),
        round INTEGER NOT NULL DEFAULT 1 CHECK (round > 0),
        department_id INTEGER REFERENCES departments(id),
        due_date TEXT,
        resident_id INTEGER REFERENCES residents(id),
        responsible_deputy_id INTEGER REFERENCES deputies(id),
        source_visit_id INTEGER REFERENCES visits(id),
        escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0,1)),
        opened_on TEXT NOT NULL,
        closed_on TEXT,
        close_reason TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (station_id, year, serial),
        UNIQUE (station_id, code),
        CHECK (due_date IS date(due_date, '+0 days')),
        CHECK (opened_on IS date(opened_on, '+0 days')),
        CHECK (closed_on IS date(closed_on, '+0 days'))
    );
    INSERT INTO new_cases(id, station_id, year, serial, code, title, description, category_id, tier, status, round,
                          department_id, due_date, resident_id, responsible_deputy_id, source_visit_id, escalated,
                          opened_on, closed_on, close_reason, version)
    SELECT id, station_id, year, serial, code, title, description, category_id, tier,
           CASE status WHEN 'notified' THEN 'feedback' ELSE status END, round,
           department_id, due_date, resident_id, responsible_deputy_id, source_visit_id, escalated,
           opened_on, closed_on, close_reason, version FROM cases;
    DROP TABLE cases;
    ALTER TABLE new_cases RENAME TO cases;
    -- The follow-up board and the overdue count: open cases by status and due date.
    CREATE INDEX cases_by_status_due ON cases(status, due_date);
    -- Monthly statistics: a covering index over the month's cases.
    CREATE INDEX cases_by_opened ON cases(opened_on, status, category_id);
    CREATE INDEX cases_by_resident ON cases(resident_id, status);
    CREATE INDEX cases_by_deputy ON cases(responsible_deputy_id, status);
    CREATE INDEX cases_by_department ON cases(department_id, status);

    CREATE TABLE new_dispatches (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        department_id INTEGER NOT NULL REFERENCES departments(id),
        round INTEGER NOT NULL,
        dispatched_on TEXT NOT NULL,
        due_date TEXT NOT NULL,
        replied_on TEXT,
        reply TEXT NOT NULL DEFAULT '',
        CHECK (dispatched_on IS date(dispatched_on, '+0 days')),
        CHECK (due_date IS date(due_date, '+0 days')),
        CHECK (replied_on IS date(replied_on, '+0 days'))
    );
    INSERT INTO new_dispatches SELECT * FROM dispatches;
    DROP TABLE dispatches;
    ALTER TABLE new_dispatches RENAME TO dispatches;
    CREATE INDEX dispatches_by_case ON dispatches(case_id, round);
    CREATE INDEX dispatches_by_department ON dispatches(department_id, replied_on);

    CREATE TABLE new_case_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        operator_id INTEGER REFERENCES operators(id),
        text TEXT NOT NULL DEFAULT '',
        CHECK (at IS strftime('%Y-%m-%d %H:%M:%S', at, '+0 seconds'))
    );
    INSERT INTO new_case_events(id, case_id, kind, at, actor, operator_id, text)
    SELECT id, case_id, CASE kind WHEN 'notified' THEN 'feedback' ELSE kind END, at, actor, operator_id, text FROM case_events;
    DROP TABLE case_events;
    ALTER TABLE new_case_events RENAME TO case_events;
    CREATE INDEX case_events_by_case ON case_events(case_id, at);

    CREATE TABLE new_ratings (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        round INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('satisfied','basicallySatisfied','unsatisfied')),
        attitude TEXT CHECK (attitude IN ('satisfied','basicallySatisfied','unsatisfied')),
        rated_by TEXT NOT NULL DEFAULT 'resident' CHECK (rated_by IN ('resident','deputy')),
        comment TEXT NOT NULL DEFAULT '',
        rated_at TEXT NOT NULL,
        CHECK (rated_at IS strftime('%Y-%m-%d %H:%M:%S', rated_at, '+0 seconds'))
    );
    INSERT INTO new_ratings SELECT * FROM ratings;
    DROP TABLE ratings;
    ALTER TABLE new_ratings RENAME TO ratings;
    CREATE INDEX ratings_by_case ON ratings(case_id, round);

    CREATE TABLE new_meetings (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        kind TEXT NOT NULL CHECK (kind IN ('reception','tripartite','bench','faceToFace','forum','themeDay')),
        phase TEXT NOT NULL DEFAULT 'before' CHECK (phase IN ('before','during','after')),
        title TEXT NOT NULL CHECK (length(title) > 0),
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        place TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),
        minutes TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT '',
        notice TEXT NOT NULL DEFAULT '',
        CHECK (starts_at IS strftime('%Y-%m-%d %H:%M:%S', starts_at, '+0 seconds')),
        CHECK (ends_at IS strftime('%Y-%m-%d %H:%M:%S', ends_at, '+0 seconds'))
    );
    INSERT INTO new_meetings SELECT * FROM meetings;
    DROP TABLE meetings;
    ALTER TABLE new_meetings RENAME TO meetings;
    CREATE INDEX meetings_by_time ON meetings(station_id, starts_at);

    CREATE TABLE new_duty_roster (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        day TEXT NOT NULL,
        deputy_id INTEGER REFERENCES deputies(id),
        legal_officer_id INTEGER REFERENCES legal_officers(id),
        role TEXT NOT NULL DEFAULT 'receiving' CHECK (role IN ('receiving','legalAdvice','lead')),
        CHECK ((deputy_id IS NULL) <> (legal_officer_id IS NULL)),
        CHECK (day IS date(day, '+0 days'))
    );
    INSERT INTO new_duty_roster SELECT * FROM duty_roster;
    DROP TABLE duty_roster;
    ALTER TABLE new_duty_roster RENAME TO duty_roster;
    CREATE INDEX duty_roster_by_day ON duty_roster(station_id, day);

    CREATE TABLE new_duty_log (
        id INTEGER PRIMARY KEY,
        deputy_id INTEGER NOT NULL REFERENCES deputies(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reception','householdVisit','enterpriseVisit','training','inspection','meeting','suggestion')),
        points INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        visit_id INTEGER REFERENCES visits(id),
        meeting_id INTEGER REFERENCES meetings(id),
        CHECK (day IS date(day, '+0 days'))
    );
    INSERT INTO new_duty_log SELECT * FROM duty_log;
    DROP TABLE duty_log;
    ALTER TABLE new_duty_log RENAME TO duty_log;
    CREATE INDEX duty_log_by_deputy ON duty_log(deputy_id, day);

    CREATE TABLE new_holidays (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
        name TEXT NOT NULL DEFAULT '',
        CHECK (day IS date(day, '+0 days'))
    );
    INSERT INTO new_holidays SELECT * FROM holidays;
    DROP TABLE holidays;
    ALTER TABLE new_holidays RENAME TO holidays;

    CREATE TABLE new_audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        actor TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        CHECK (at IS strftime('%Y-%m-%d %H:%M:%S', at, '+0 seconds'))
    );
    INSERT INTO new_audit_log SELECT * FROM audit_log;
    DROP TABLE audit_log;
    ALTER TABLE new_audit_log RENAME TO audit_log;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    """
}
