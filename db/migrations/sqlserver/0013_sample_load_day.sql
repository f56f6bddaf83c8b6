-- The day the installation first loaded sample data whose timestamps move with the calendar (connector setting
-- shiftTimestampsFrom, issue 15): one row, written once, so every later run moves them by the same days.
CREATE TABLE sample_load_day (
    id int NOT NULL,
    day date NOT NULL,
    recorded_at datetimeoffset NOT NULL,
    CONSTRAINT pk_sample_load_day PRIMARY KEY (id)
);
