/** Schema history. Append only: a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'groups',
    sql: `
      CREATE TABLE groups (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'associations',
    // A draft keeps whatever the wizard held (values as JSON, possibly incomplete); a generated one is
    // complete and names its workspace. One group appears once per workspace.
    sql: `
      CREATE TABLE associations (
        id TEXT PRIMARY KEY NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'generated')),
        step INTEGER NOT NULL DEFAULT 0,
        group_id TEXT,
        workspace_key TEXT,
        wizard_values TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        generated_at TEXT,
        CHECK (status = 'draft' OR (group_id IS NOT NULL AND workspace_key IS NOT NULL AND generated_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX associations_workspace_group ON associations (workspace_key, group_id)
        WHERE status = 'generated';
    `,
  },
  {
    version: 3,
    name: 'terraform runs',
    // A run is a record from the moment it starts, so one a crash cuts short is found at the next
    // start. Its log keeps Terraform's lines (secrets redacted) in order; typed events are parsed on read.
    sql: `
      CREATE TABLE terraform_runs (
        id TEXT PRIMARY KEY NOT NULL,
        workspace_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('plan', 'destroy-plan', 'apply', 'force-unlock')),
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
        phase TEXT NOT NULL,
        plan_run_id TEXT REFERENCES terraform_runs (id),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        exit_code INTEGER,
        pid INTEGER,
        changes TEXT,
        error TEXT,
        lock_info TEXT,
        plan_review TEXT,
        plan_file TEXT,
        binary TEXT,
        event_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX terraform_runs_workspace ON terraform_runs (workspace_key, started_at);
      CREATE UNIQUE INDEX terraform_runs_one_apply_per_plan ON terraform_runs (plan_run_id) WHERE plan_run_id IS NOT NULL;
      CREATE TABLE terraform_run_events (
        run_id TEXT NOT NULL REFERENCES terraform_runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr')),
        line TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE terraform_settings (
        name TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'association checks',
    // Each check is kept whole (steps as JSON) for the dashboard's history; it goes with its association.
    // Token commands are per platform environment: a command line, never a token.
    sql: `
      CREATE TABLE association_checks (
        id TEXT PRIMARY KEY NOT NULL,
        association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
        cloud TEXT NOT NULL CHECK (cloud IN ('aws', 'gcp')),
        group_id TEXT NOT NULL,
        target TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'configured', 'failing', 'needs-sign-in', 'error')),
        headline TEXT NOT NULL,
        success_line TEXT,
        error TEXT,
        steps TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX association_checks_association ON association_checks (association_id, started_at);
      CREATE TABLE check_token_commands (
        environment TEXT PRIMARY KEY NOT NULL,
        command TEXT NOT NULL,
        timeout_seconds INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'association health',
    // Covering index: the overview reads each association's latest 30 verdicts from the index alone.
    // Drift is per workspace (one plan covers every association in it); settings are name/value JSON.
    sql: `
      CREATE INDEX association_checks_recent
        ON association_checks (association_id, started_at DESC, verdict, duration_ms, finished_at);
      CREATE INDEX association_checks_started ON association_checks (started_at);
      CREATE TABLE workspace_drift (
        workspace_key TEXT PRIMARY KEY NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in-sync', 'drift', 'error')),
        detail TEXT,
        checked_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE health_settings (
        name TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'aws verifications',
    // The last verify result per profile (identity or typed error, never credentials), so it survives a reload.
    sql: `
      CREATE TABLE aws_verifications (
        profile TEXT PRIMARY KEY NOT NULL,
        result TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'association access paths',
    // Every AWS association saved before access paths existed was reached with its own profile:
    // say so in its stored values, so each row states how its account is reached.
    sql: `
      UPDATE associations
        SET wizard_values = json_set(wizard_values, '$.accessPath', json('{"kind":"profile"}'))
        WHERE json_extract(wizard_values, '$.cloud') = 'aws'
          AND json_extract(wizard_values, '$.accessPath') IS NULL;
    `,
  },
  {
    version: 8,
    name: 'confirmed token commands',
    // A token command runs only with the fingerprint of what the operator confirmed; rows saved
    // before confirmation existed have none, so they wait to be confirmed again.
    sql: `
      ALTER TABLE check_token_commands ADD COLUMN shell INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE check_token_commands ADD COLUMN fingerprint TEXT;
    `,
  },
  {
    version: 9,
    name: 'fleet runs',
    // A fleet run and its items are written at every stage change, so a restarted Liaison shows each
    // item where it was. An item's fields (target, group, plan summary, run ids, error) are one JSON
    // document; its stage and order are columns for the board's queries.
    sql: `
      CREATE TABLE fleet_runs (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        environment TEXT NOT NULL,
        options TEXT NOT NULL,
        concurrency INTEGER NOT NULL CHECK (concurrency BETWEEN 1 AND 16),
        register_on_platform INTEGER NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        cancelled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE fleet_items (
        id TEXT PRIMARY KEY NOT NULL,
        fleet_id TEXT NOT NULL REFERENCES fleet_runs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        stage TEXT NOT NULL,
        item TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fleet_items_fleet ON fleet_items (fleet_id, position);
    `,
  },
  {
    version: 10,
    name: 'platform environments and typed platform standing',
    // Settings → Platform, per environment: the API URL when it is not the derived one (NULL: derived),
    // and which environment is current (the wizard's default, and what platform calls without an
    // association use). At most one row is current.
    // Stored Platform steps get the typed \`platform\` standing new steps carry, read once here from their
    // status (and a failure's opening words, the only record older rows have), so nothing reads text later.
    sql: `
      CREATE TABLE platform_environments (
        environment TEXT PRIMARY KEY NOT NULL,
        api_url TEXT,
        is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX platform_environments_one_current ON platform_environments (is_current) WHERE is_current = 1;
      UPDATE association_checks SET steps = (
        SELECT json_group_array(CASE
          WHEN json_extract(s.value, '$.id') = 'platform' AND json_extract(s.value, '$.status') IN ('passed', 'failed', 'needs-sign-in', 'error')
          THEN json_set(s.value, '$.platform', CASE json_extract(s.value, '$.status')
            WHEN 'passed' THEN 'ready'
            WHEN 'failed' THEN CASE WHEN json_extract(s.value, '$.detail') LIKE 'Not registered%' THEN 'not-registered' ELSE 'not-ready' END
            ELSE json_extract(s.value, '$.status') END)
          ELSE json(s.value) END)
        FROM (SELECT value FROM json_each(association_checks.steps) ORDER BY key) s)
      WHERE EXISTS (SELECT 1 FROM json_each(association_checks.steps) WHERE json_extract(value, '$.id') = 'platform');
    `,
  },
  {
    version: 11,
    name: 'plan reviews beside their runs',
    // A plan's review (the whole saved plan, ~100 KB for 200 resources) sat in the middle of its run's
    // row, so every later write to the row (phase, event count, end) rewrote the review's overflow pages
    // and every read of the columns after it walked them: about 60 ms of a plan + apply's 1 s. It moves
    // to its own table, written once, read by the review step and the apply check only.
    sql: `
      CREATE TABLE terraform_plan_reviews (
        run_id TEXT PRIMARY KEY NOT NULL REFERENCES terraform_runs (id) ON DELETE CASCADE,
        review TEXT NOT NULL,
        plan_file TEXT NOT NULL
      ) STRICT;
      INSERT INTO terraform_plan_reviews (run_id, review, plan_file)
        SELECT id, plan_review, plan_file FROM terraform_runs WHERE plan_review IS NOT NULL AND plan_file IS NOT NULL;
      ALTER TABLE terraform_runs DROP COLUMN plan_review;
      ALTER TABLE terraform_runs DROP COLUMN plan_file;
    `,
  },
];
