//! SQLite persistence of live sessions (the embedded default store, in `--data`).
//!
//! One writer thread owns the connection. Operations are queued in the order the hub
//! applies them in memory; the writer commits whatever has queued as one transaction
//! (group commit) and only then answers each operation. A participant's answer is
//! acknowledged after that answer's commit, so `kill -9` loses no acknowledged answer.
//! WAL mode with `synchronous = FULL`: committed transactions survive a power cut too.
//!
//! Only the owner may read the database (files `0600`, made so before SQLite opens them;
//! SQLite gives its `-wal` and `-shm` files the same mode). Secrets and participant
//! tokens are stored as [`hashed`], never as given: the file, a backup or a copy opens
//! no session. Files written before hashing are converted when opened.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::Context as _;
use rusqlite::{params, Connection};

use super::{
    enqueue, hashed, next_batch, parse_input, parse_session, Backend, Job, Loaded, Op, Pending, HASHED,
};

/// The embedded store: a writer thread owning the connection to `briques.sqlite3`.
pub struct Sqlite {
    jobs: mpsc::Sender<Job>,
    path: PathBuf,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS live_sessions (
    code TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    survey TEXT NOT NULL,
    state TEXT NOT NULL,
    mask_k INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS live_participants (
    code TEXT NOT NULL REFERENCES live_sessions(code) ON DELETE CASCADE,
    token TEXT NOT NULL,
    number INTEGER NOT NULL,
    PRIMARY KEY (code, token)
);
CREATE TABLE IF NOT EXISTS live_answers (
    code TEXT NOT NULL REFERENCES live_sessions(code) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    question TEXT NOT NULL,
    choice TEXT NOT NULL,
    PRIMARY KEY (code, number, question)
);
CREATE TABLE IF NOT EXISTS live_inputs (
    code TEXT NOT NULL REFERENCES live_sessions(code) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    step INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (code, number, step)
);
";

/// Adds the `steps` column to a database written before steps (no-op after).
fn add_steps_column(conn: &Connection) -> rusqlite::Result<()> {
    let has = conn
        .prepare("SELECT 1 FROM pragma_table_info('live_sessions') WHERE name = 'steps'")?
        .exists([])?;
    if !has {
        conn.execute_batch("ALTER TABLE live_sessions ADD COLUMN steps TEXT NOT NULL DEFAULT '[]'")?;
    }
    Ok(())
}

/// Makes `path` readable by its owner only, creating it empty if missing.
#[cfg(unix)]
fn private_file(path: &Path, create: bool) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
    if create {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)?;
    }
    match std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !create => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
fn private_file(_path: &Path, _create: bool) -> std::io::Result<()> {
    Ok(())
}

/// Replaces the secrets and tokens written in clear by older versions with their hashes.
fn hash_clear_secrets(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for (table, column, key) in [
        ("live_sessions", "secret", "code"),
        ("live_participants", "token", "rowid"),
    ] {
        let clear: Vec<(rusqlite::types::Value, String)> = tx
            .prepare(&format!(
                "SELECT {key}, {column} FROM {table} WHERE {column} NOT LIKE '{HASHED}%'"
            ))?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, value) in clear {
            tx.execute(
                &format!("UPDATE {table} SET {column} = ?2 WHERE {key} = ?1"),
                params![id, hashed(&value)],
            )?;
        }
    }
    tx.commit()
}

/// Opens (or creates) `briques.sqlite3` in `dir`, reads every session back, and starts
/// the writer thread.
pub fn open(dir: &Path) -> anyhow::Result<(Sqlite, Vec<Loaded>)> {
    let path = dir.join("briques.sqlite3");
    private_file(&path, true).with_context(|| format!("{}", path.display()))?;
    for suffix in ["-wal", "-shm"] {
        let mut name = path.clone().into_os_string();
        name.push(suffix);
        private_file(Path::new(&name), false).with_context(|| format!("{}", path.display()))?;
    }
    let mut conn = Connection::open(&path).with_context(|| format!("{}", path.display()))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Erasing is erasing: deleted rows are overwritten in the file, not left in free
    // pages; after a deletion the write-ahead log is emptied too (see `writer`).
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch(SCHEMA)?;
    add_steps_column(&conn)?;
    hash_clear_secrets(&mut conn)?;
    let loaded = load(&conn, None)?;
    let (jobs, queue) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("briques-sqlite".into())
        .spawn(move || writer(conn, queue))?;
    Ok((Sqlite { jobs, path }, loaded))
}

/// Reads every session back, or the one with code `only`.
fn load(conn: &Connection, only: Option<&str>) -> anyhow::Result<Vec<Loaded>> {
    let mut sessions = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT code, secret, survey, state, mask_k, created_at, steps FROM live_sessions
         WHERE ?1 IS NULL OR code = ?1",
    )?;
    let rows = stmt.query_map([only], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, u32>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    for row in rows {
        let (code, secret_hash, survey, state, mask_k, created_at, steps) = row?;
        let (survey, state, steps) = parse_session(&code, &survey, &state, &steps)?;
        let mut participants = Vec::new();
        let mut p = conn
            .prepare_cached("SELECT token, number FROM live_participants WHERE code = ?1 ORDER BY number")?;
        for r in p.query_map([&code], |r| Ok((r.get(0)?, r.get(1)?)))? {
            participants.push(r?);
        }
        let mut answers = Vec::new();
        let mut a = conn.prepare_cached(
            "SELECT number, question, choice FROM live_answers WHERE code = ?1 ORDER BY rowid",
        )?;
        for r in a.query_map([&code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            answers.push(r?);
        }
        let mut inputs = Vec::new();
        let mut i = conn
            .prepare_cached("SELECT number, step, value FROM live_inputs WHERE code = ?1 ORDER BY rowid")?;
        for r in i.query_map([&code], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, u32>(1)?, r.get::<_, String>(2)?))
        })? {
            let (number, step, value) = r?;
            inputs.push(parse_input(&code, number, step, &value)?);
        }
        sessions.push(Loaded {
            code,
            secret_hash,
            survey,
            steps,
            inputs,
            state,
            mask_k,
            created_at,
            participants,
            answers,
        });
    }
    Ok(sessions)
}

fn apply(tx: &Connection, op: &Op) -> rusqlite::Result<usize> {
    match op {
        Op::CreateSession { code, secret_hash, survey, steps, state, mask_k, created_at } => tx.execute(
            "INSERT INTO live_sessions (code, secret, survey, state, mask_k, created_at, steps) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![code, secret_hash, survey, state, mask_k, created_at, steps],
        ),
        Op::SetInput { code, number, step, value } => tx.execute(
            "INSERT INTO live_inputs (code, number, step, value) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (code, number, step) DO UPDATE SET value = excluded.value",
            params![code, number, step, value],
        ),
        Op::SaveState { code, state } => {
            tx.execute("UPDATE live_sessions SET state = ?2 WHERE code = ?1", params![code, state])
        }
        Op::AddParticipant { code, token_hash, number } => tx
            .execute(
                "INSERT INTO live_participants (code, token, number) VALUES (?1, ?2, ?3)",
                params![code, token_hash, number],
            )
            .map(|_| *number as usize),
        Op::SetAnswer { code, number, question, choice: Some(choice) } => tx.execute(
            "INSERT INTO live_answers (code, number, question, choice) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (code, number, question) DO UPDATE SET choice = excluded.choice",
            params![code, number, question, choice],
        ),
        Op::SetAnswer { code, number, question, choice: None } => tx.execute(
            "DELETE FROM live_answers WHERE code = ?1 AND number = ?2 AND question = ?3",
            params![code, number, question],
        ),
        Op::RemoveParticipant { code, number } => {
            tx.execute("DELETE FROM live_answers WHERE code = ?1 AND number = ?2", params![code, number])?;
            tx.execute("DELETE FROM live_inputs WHERE code = ?1 AND number = ?2", params![code, number])?;
            tx.execute(
                "DELETE FROM live_participants WHERE code = ?1 AND number = ?2",
                params![code, number],
            )
        }
        Op::DeleteSession { code } => tx.execute("DELETE FROM live_sessions WHERE code = ?1", params![code]),
        Op::Purge { before } => tx.execute("DELETE FROM live_sessions WHERE created_at < ?1", params![before]),
        Op::Barrier => Ok(0),
    }
}

/// The writer: takes everything queued, commits it as one transaction, answers each job.
fn writer(mut conn: Connection, queue: mpsc::Receiver<Job>) {
    while let Some(batch) = next_batch(&queue) {
        let outcome = (|| -> rusqlite::Result<Vec<Result<usize, String>>> {
            let mut tx = conn.transaction()?;
            let mut results = Vec::with_capacity(batch.len());
            for job in &batch {
                // A savepoint per operation: one refused operation does not undo the others.
                let sp = tx.savepoint()?;
                let result = apply(&sp, &job.op).map_err(|e| e.to_string());
                if result.is_ok() {
                    sp.commit()?;
                }
                results.push(result);
            }
            tx.commit()?;
            Ok(results)
        })();
        // A session, a participant or old sessions deleted: the log's copies of the
        // pages as they were go too, before anyone is told it is done.
        if outcome.is_ok() && batch.iter().any(|job| job.op.erases()) {
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        match outcome {
            Ok(results) => {
                for (job, result) in batch.into_iter().zip(results) {
                    let _ = job.done.send(result);
                }
            }
            Err(error) => {
                for job in batch {
                    let _ = job.done.send(Err(error.to_string()));
                }
            }
        }
    }
}

impl Sqlite {
    fn read(&self) -> anyhow::Result<Connection> {
        let conn = Connection::open(&self.path).with_context(|| format!("{}", self.path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(conn)
    }
}

impl Backend for Sqlite {
    fn submit(&self, op: Op) -> Pending {
        enqueue(&self.jobs, op)
    }

    fn load(&self, code: &str) -> anyhow::Result<Option<Loaded>> {
        Ok(load(&self.read()?, Some(code))?.pop())
    }

    fn load_all(&self) -> anyhow::Result<Vec<Loaded>> {
        load(&self.read()?, None)
    }

    fn shared(&self) -> bool {
        false
    }

    fn import(&self, session: &Loaded) -> anyhow::Result<()> {
        let mut conn = self.read()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM live_sessions WHERE code = ?1", [&session.code])?;
        tx.execute(
            "INSERT INTO live_sessions (code, secret, survey, state, mask_k, created_at, steps)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                session.code,
                session.secret_hash,
                serde_json::to_string(&session.survey)?,
                super::state_json(&session.state),
                session.mask_k,
                session.created_at,
                serde_json::to_string(&session.steps)?
            ],
        )?;
        for (token, number) in &session.participants {
            tx.execute(
                "INSERT INTO live_participants (code, token, number) VALUES (?1, ?2, ?3)",
                params![session.code, token, number],
            )?;
        }
        for (number, question, choice) in &session.answers {
            tx.execute(
                "INSERT INTO live_answers (code, number, question, choice) VALUES (?1, ?2, ?3, ?4)",
                params![session.code, number, question, choice],
            )?;
        }
        for (number, step, input) in &session.inputs {
            tx.execute(
                "INSERT INTO live_inputs (code, number, step, value) VALUES (?1, ?2, ?3, ?4)",
                params![session.code, number, *step as u32, serde_json::to_string(input)?],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_deleted_session_leaves_no_trace_in_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = open(dir.path()).unwrap();
        let store = super::super::Store(std::sync::Arc::new(store));
        let survey = serde_json::to_string(&briques_core::survey::Survey::default_for(
            briques_core::i18n::Lang::Fr,
            None,
        ))
        .unwrap();
        let marker = "reponse-tres-reconnaissable-42";
        for op in [
            Op::CreateSession {
                code: "ACDEFG".into(),
                secret_hash: hashed("s"),
                survey,
                steps: "[]".into(),
                state: super::super::state_json(&briques_core::live::LiveState::default()),
                mask_k: 3,
                created_at: 0,
            },
            Op::SetInput {
                code: "ACDEFG".into(),
                number: 1,
                step: 1,
                value: format!("{{\"kind\":\"words\",\"text\":\"{marker}\"}}"),
            },
        ] {
            store.submit(op).committed().await.unwrap();
        }
        let found = |dir: &Path| {
            std::fs::read_dir(dir).unwrap().flatten().any(|e| {
                std::fs::read(e.path())
                    .map(|bytes| bytes.windows(marker.len()).any(|w| w == marker.as_bytes()))
                    .unwrap_or(false)
            })
        };
        assert!(found(dir.path()), "written first");
        store
            .submit(Op::DeleteSession {
                code: "ACDEFG".into(),
            })
            .committed()
            .await
            .unwrap();
        assert!(
            !found(dir.path()),
            "nothing of it left in the database or its log"
        );
    }

    #[test]
    fn secrets_and_tokens_written_in_clear_are_hashed_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join("briques.sqlite3")).unwrap();
            conn.execute_batch(SCHEMA).unwrap();
            let survey = serde_json::to_string(&briques_core::survey::Survey::default_for(
                briques_core::i18n::Lang::Fr,
                None,
            ))
            .unwrap();
            let state = super::super::state_json(&briques_core::live::LiveState::default());
            conn.execute(
                "INSERT INTO live_sessions VALUES ('ACDEFG', 'secret-in-clear', ?1, ?2, 3, 0)",
                params![survey, state],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO live_participants VALUES ('ACDEFG', 'token-in-clear', 1)",
                [],
            )
            .unwrap();
        }
        // A database from before steps: the column is added, the session has none.
        let (_, loaded) = open(dir.path()).unwrap();
        assert!(loaded[0].steps.is_empty() && loaded[0].inputs.is_empty());
        assert_eq!(loaded[0].secret_hash, hashed("secret-in-clear"));
        assert_eq!(loaded[0].participants, vec![(hashed("token-in-clear"), 1)]);
        let (_, again) = open(dir.path()).unwrap();
        assert_eq!(
            again[0].secret_hash,
            hashed("secret-in-clear"),
            "hashed once only"
        );
    }
}
