/// Schema version 10, the statistics: each source of a period's figures is read through an index on
/// its date, so a year of a district's million cases is counted without walking every table.
enum SchemaV10 {
    static let sql = """
    CREATE INDEX cases_by_closed ON cases(closed_on) WHERE closed_on IS NOT NULL;
    CREATE INDEX dispatches_by_day ON dispatches(dispatched_on);
    CREATE INDEX dispatches_by_reply ON dispatches(replied_on) WHERE replied_on IS NOT NULL;
    CREATE INDEX case_events_reopened_escalated ON case_events(at) WHERE kind IN ('reopened', 'escalated');
    CREATE INDEX ratings_by_time ON ratings(rated_at);
    """
}
