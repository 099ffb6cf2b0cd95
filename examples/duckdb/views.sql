-- One view per table of a rusnews run, so the other examples read like plain SQL.
-- Set the run folder first (the `-o` of `rusnews run`), then read this file:
--
--   SET VARIABLE run = 'outputs/sample';
--   .read examples/duckdb/views.sql
--
-- The views look the variable up each time they are queried, so
-- `SET VARIABLE run = '...'` again switches every view to another run.
CREATE OR REPLACE VIEW articles AS
    SELECT * FROM read_parquet(getvariable('run') || '/articles.parquet');
CREATE OR REPLACE VIEW mentions AS
    SELECT * FROM read_parquet(getvariable('run') || '/mentions.parquet');
CREATE OR REPLACE VIEW entities AS
    SELECT * FROM read_parquet(getvariable('run') || '/entities.parquet');
CREATE OR REPLACE VIEW events AS
    SELECT * FROM read_parquet(getvariable('run') || '/events.parquet');
CREATE OR REPLACE VIEW event_arguments AS
    SELECT * FROM read_parquet(getvariable('run') || '/event_arguments.parquet');
CREATE OR REPLACE VIEW occupations AS
    SELECT * FROM read_parquet(getvariable('run') || '/occupations.parquet');
CREATE OR REPLACE VIEW ownerships AS
    SELECT * FROM read_parquet(getvariable('run') || '/ownerships.parquet');
CREATE OR REPLACE VIEW errors AS
    SELECT * FROM read_parquet(getvariable('run') || '/errors.parquet');
CREATE OR REPLACE VIEW corpus_entities AS
    SELECT * FROM read_parquet(getvariable('run') || '/corpus_entities.parquet');
CREATE OR REPLACE VIEW stories AS
    SELECT * FROM read_parquet(getvariable('run') || '/stories.parquet');
