/// Schema version 3, for reception's integrity:
/// - residents are people, not phone numbers: a family may share one phone, and the same name with the
///   same phone is one resident;
/// - a name is found by its surname's reading (曾 zeng, 单 shan, 尉迟 yu chi …) and by the common one,
///   kept in `name_initials_alt`;
/// - a visit carries a version, so a second terminal's stale change is refused, and may end as 过号
///   (noShow);
/// - a deputy's reception credit is one entry per visit (duplicates from the old desk are folded into
///   the entry of the deputy who received the resident last).
enum SchemaV3 {
    static let sql = """
    DROP INDEX residents_by_phone;
    CREATE INDEX residents_by_phone ON residents(phone);
    CREATE UNIQUE INDEX residents_by_name_phone ON residents(name, phone) WHERE phone IS NOT NULL;

    CREATE TEMP TABLE surname_readings (surname TEXT PRIMARY KEY, pinyin TEXT NOT NULL, initials TEXT NOT NULL);
    INSERT INTO surname_readings VALUES
        ('曾', 'zeng', 'z'),
        ('单', 'shan', 's'),
        ('仇', 'qiu', 'q'),
        ('解', 'xie', 'x'),
        ('区', 'ou', 'o'),
        ('查', 'zha', 'z'),
        ('朴', 'piao', 'p'),
        ('翟', 'zhai', 'z'),
        ('盖', 'ge', 'g'),
        ('乐', 'yue', 'y'),
        ('覃', 'qin', 'q'),
        ('尉迟', 'yu chi', 'yc'),
        ('万俟', 'mo qi', 'mq'),
        ('召', 'shao', 's'),
        ('缪', 'miao', 'm'),
        ('繁', 'po', 'p'),
        ('秘', 'bi', 'b'),
        ('句', 'gou', 'g'),
        ('员', 'yun', 'y'),
        ('能', 'nai', 'n'),
        ('种', 'chong', 'c'),
        ('祭', 'zhai', 'z'),
        ('折', 'she', 's'),
        ('藏', 'zang', 'z'),
        ('蕃', 'pi', 'p'),
        ('粘', 'nian', 'n'),
        ('乜', 'nie', 'n'),
        ('澹台', 'tan tai', 'tt'),
        ('都', 'du', 'd'),
        ('卜', 'bu', 'b'),
        ('重', 'chong', 'c'),
        ('中行', 'zhong hang', 'zh'),
        ('洗', 'xian', 'x');
    ALTER TABLE residents ADD COLUMN name_initials_alt TEXT NOT NULL DEFAULT '';
    ALTER TABLE deputies ADD COLUMN name_initials_alt TEXT NOT NULL DEFAULT '';
    -- The surname's initials replace those of its characters; the old initials stay as the other reading
    -- where they differ (both sides of SET read the row as it was).
    CREATE TEMP VIEW surname_initials AS
        SELECT r.id AS id, 'resident' AS kind, (SELECT s.initials || substr(r.name_initials, length(s.surname) + 1)
            FROM surname_readings s WHERE substr(r.name, 1, length(s.surname)) = s.surname
            ORDER BY length(s.surname) DESC LIMIT 1) AS initials FROM residents r
        UNION ALL
        SELECT d.id, 'deputy', (SELECT s.initials || substr(d.name_initials, length(s.surname) + 1)
            FROM surname_readings s WHERE substr(d.name, 1, length(s.surname)) = s.surname
            ORDER BY length(s.surname) DESC LIMIT 1) FROM deputies d;
    UPDATE residents SET
        name_initials_alt = (SELECT CASE WHEN v.initials <> residents.name_initials THEN residents.name_initials ELSE '' END
                             FROM surname_initials v WHERE v.kind = 'resident' AND v.id = residents.id),
        name_initials = (SELECT v.initials FROM surname_initials v WHERE v.kind = 'resident' AND v.id = residents.id)
    WHERE EXISTS (SELECT 1 FROM surname_readings s WHERE substr(residents.name, 1, length(s.surname)) = s.surname);
    UPDATE deputies SET
        name_initials_alt = (SELECT CASE WHEN v.initials <> deputies.name_initials THEN deputies.name_initials ELSE '' END
                             FROM surname_initials v WHERE v.kind = 'deputy' AND v.id = deputies.id),
        name_initials = (SELECT v.initials FROM surname_initials v WHERE v.kind = 'deputy' AND v.id = deputies.id),
        -- The pinyin's syllables are separated by spaces: the surname's (one or two) are replaced.
        name_pinyin = (SELECT s.pinyin || CASE
                           WHEN length(s.surname) = 1 AND instr(deputies.name_pinyin, ' ') > 0
                               THEN substr(deputies.name_pinyin, instr(deputies.name_pinyin, ' '))
                           WHEN length(s.surname) = 2 AND instr(substr(deputies.name_pinyin, instr(deputies.name_pinyin, ' ') + 1), ' ') > 0
                               THEN substr(deputies.name_pinyin, instr(deputies.name_pinyin, ' ')
                                           + instr(substr(deputies.name_pinyin, instr(deputies.name_pinyin, ' ') + 1), ' '))
                           ELSE '' END
                       FROM surname_readings s
                       WHERE substr(deputies.name, 1, length(s.surname)) = s.surname ORDER BY length(s.surname) DESC LIMIT 1)
    WHERE EXISTS (SELECT 1 FROM surname_readings s WHERE substr(deputies.name, 1, length(s.surname)) = s.surname);
    DROP VIEW surname_initials;
    DROP TABLE surname_readings;
    CREATE INDEX residents_by_initials_alt ON residents(name_initials_alt);

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
        outcome TEXT CHECK (outcome IN ('answeredOnSpot','caseOpened','referred','noShow')),
        answer TEXT NOT NULL DEFAULT '',
        receiving_deputy_id INTEGER REFERENCES deputies(id),
        referred_to TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases(id),
        arrived_at TEXT NOT NULL,
        called_at TEXT,
        finished_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (station_id, day, queue_number),
        CHECK (day IS date(day, '+0 days')),
        CHECK (arrived_at IS strftime('%Y-%m-%d %H:%M:%S', arrived_at, '+0 seconds')),
        CHECK (called_at IS strftime('%Y-%m-%d %H:%M:%S', called_at, '+0 seconds')),
        CHECK (finished_at IS strftime('%Y-%m-%d %H:%M:%S', finished_at, '+0 seconds'))
    );
    INSERT INTO new_visits(id, station_id, day, queue_number, resident_id, channel, category_id, problem,
                           requested_deputy_id, status, outcome, answer, receiving_deputy_id, referred_to, case_id,
                           arrived_at, called_at, finished_at)
    SELECT id, station_id, day, queue_number, resident_id, channel, category_id, problem, requested_deputy_id, status,
           outcome, answer, receiving_deputy_id, referred_to, case_id, arrived_at, called_at, finished_at FROM visits;
    DROP TABLE visits;
    ALTER TABLE new_visits RENAME TO visits;
    CREATE INDEX visits_by_resident ON visits(resident_id, day);
    CREATE INDEX visits_by_day_status ON visits(station_id, day, status);

    -- One reception credit per visit: the entry of the deputy who received the resident is kept (or the
    -- latest, when none is theirs).
    DELETE FROM duty_log WHERE kind = 'reception' AND visit_id IS NOT NULL AND id <> (
        SELECT d.id FROM duty_log d LEFT JOIN visits v ON v.id = d.visit_id
        WHERE d.kind = 'reception' AND d.visit_id = duty_log.visit_id
        ORDER BY d.deputy_id = v.receiving_deputy_id DESC, d.id DESC LIMIT 1);
    CREATE UNIQUE INDEX duty_log_reception_by_visit ON duty_log(visit_id) WHERE kind = 'reception' AND visit_id IS NOT NULL;
    -- A reception's points now come by the day, at the station's rate, not with each entry.
    UPDATE duty_log SET points = 0 WHERE kind = 'reception';
    """
}
