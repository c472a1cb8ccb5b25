/// Schema version 1: the whole domain, so later screens add columns rather than reshape tables.
/// Dates are TEXT `YYYY-MM-DD`, times TEXT `YYYY-MM-DD HH:MM:SS` in the station's local time,
/// enums are their Swift raw values, and CHECK constraints keep those values honest.
enum SchemaV1 {
    static let sql = """
    CREATE TABLE stations (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES stations(id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('central','street','point','studio','sector')),
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        reception_day_of_month INTEGER CHECK (reception_day_of_month BETWEEN 1 AND 31),
        reception_tie TEXT NOT NULL DEFAULT 'earlier' CHECK (reception_tie IN ('earlier','later')),
        created_at TEXT NOT NULL
    );

    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    CREATE TABLE deputies (
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
        created_at TEXT NOT NULL
    );
    CREATE INDEX deputies_by_station ON deputies(station_id, active, level);
    CREATE INDEX deputies_by_pinyin ON deputies(name_pinyin);

    CREATE TABLE legal_officers (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        role TEXT NOT NULL CHECK (role IN ('judge','prosecutor','police','lawyer')),
        organization TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    );

    CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('bureau','court','procuratorate','supervision','street','community','utility','other')),
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    );

    CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
        default_department_id INTEGER REFERENCES departments(id),
        default_due_working_days INTEGER NOT NULL DEFAULT 10 CHECK (default_due_working_days > 0),
        position INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    );

    CREATE TABLE residents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        name_initials TEXT NOT NULL DEFAULT '',
        phone TEXT,
        phone_refused INTEGER NOT NULL DEFAULT 0 CHECK (phone_refused IN (0,1)),
        id_number TEXT,
        address TEXT NOT NULL DEFAULT '',
        community TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    -- One resident per phone number: the reception desk finds them by it.
    CREATE UNIQUE INDEX residents_by_phone ON residents(phone) WHERE phone IS NOT NULL;
    CREATE INDEX residents_by_initials ON residents(name_initials);
    CREATE INDEX residents_by_name ON residents(name);

    CREATE TABLE visits (
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
        UNIQUE (station_id, day, queue_number)
    );
    CREATE INDEX visits_by_resident ON visits(resident_id, day);
    CREATE INDEX visits_by_day_status ON visits(station_id, day, status);

    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        year INTEGER NOT NULL,
        serial INTEGER NOT NULL CHECK (serial > 0),
        code TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        description TEXT NOT NULL DEFAULT '',
        category_id INTEGER REFERENCES categories(id),
        tier TEXT CHECK (tier IN ('immediate','joint','major')),
        status TEXT NOT NULL CHECK (status IN ('registered','triaged','dispatched','replied','notified','readyToClose','unsatisfied','closed')),
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
        UNIQUE (station_id, code)
    );
    -- The follow-up board and the overdue count: open cases by status and due date.
    CREATE INDEX cases_by_status_due ON cases(status, due_date);
    -- Monthly statistics: a covering index over the month's cases.
    CREATE INDEX cases_by_opened ON cases(opened_on, status, category_id);
    CREATE INDEX cases_by_resident ON cases(resident_id, status);
    CREATE INDEX cases_by_deputy ON cases(responsible_deputy_id, status);
    CREATE INDEX cases_by_department ON cases(department_id, status);

    CREATE TABLE dispatches (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        department_id INTEGER NOT NULL REFERENCES departments(id),
        round INTEGER NOT NULL,
        dispatched_on TEXT NOT NULL,
        due_date TEXT NOT NULL,
        replied_on TEXT,
        reply TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX dispatches_by_case ON dispatches(case_id, round);
    CREATE INDEX dispatches_by_department ON dispatches(department_id, replied_on);

    CREATE TABLE case_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        operator_id INTEGER REFERENCES operators(id),
        text TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX case_events_by_case ON case_events(case_id, at);

    CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        round INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('satisfied','basicallySatisfied','unsatisfied')),
        attitude TEXT CHECK (attitude IN ('satisfied','basicallySatisfied','unsatisfied')),
        rated_by TEXT NOT NULL DEFAULT 'resident' CHECK (rated_by IN ('resident','deputy')),
        comment TEXT NOT NULL DEFAULT '',
        rated_at TEXT NOT NULL
    );
    CREATE INDEX ratings_by_case ON ratings(case_id, round);

    CREATE TABLE meetings (
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
        notice TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX meetings_by_time ON meetings(station_id, starts_at);

    CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        case_id INTEGER REFERENCES cases(id),
        resolution TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, position);

    CREATE TABLE meeting_participants (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        deputy_id INTEGER REFERENCES deputies(id),
        department_id INTEGER REFERENCES departments(id),
        resident_id INTEGER REFERENCES residents(id),
        name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX meeting_participants_by_meeting ON meeting_participants(meeting_id);

    CREATE TABLE duty_roster (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        day TEXT NOT NULL,
        deputy_id INTEGER REFERENCES deputies(id),
        legal_officer_id INTEGER REFERENCES legal_officers(id),
        role TEXT NOT NULL DEFAULT 'receiving' CHECK (role IN ('receiving','legalAdvice','lead')),
        CHECK ((deputy_id IS NULL) <> (legal_officer_id IS NULL))
    );
    CREATE INDEX duty_roster_by_day ON duty_roster(station_id, day);

    CREATE TABLE duty_log (
        id INTEGER PRIMARY KEY,
        deputy_id INTEGER NOT NULL REFERENCES deputies(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reception','householdVisit','enterpriseVisit','training','inspection','meeting','suggestion')),
        points INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        visit_id INTEGER REFERENCES visits(id),
        meeting_id INTEGER REFERENCES meetings(id)
    );
    CREATE INDEX duty_log_by_deputy ON duty_log(deputy_id, day);

    CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        source TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE holidays (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
        name TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
        role TEXT NOT NULL CHECK (role IN ('clerk','deputy','supervisor','admin')),
        pin_hash TEXT NOT NULL,
        deputy_id INTEGER REFERENCES deputies(id),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    );

    -- Append-only: who revealed, exported or deleted what. Triggers refuse any change.
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        actor TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    """
}
