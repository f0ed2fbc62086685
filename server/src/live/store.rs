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

use std::path::Path;
use std::sync::mpsc;

use anyhow::Context as _;
use rusqlite::{params, Connection};
use tokio::sync::oneshot;

use briques_core::live::{Input, LiveState, Step};
use briques_core::survey::Survey;

/// A change to persist.
#[derive(Debug)]
pub enum Op {
    /// A new session.
    CreateSession {
        code: String,
        secret_hash: String,
        survey: String,
        /// The steps, JSON.
        steps: String,
        state: String,
        mask_k: u32,
        created_at: i64,
    },
    /// The facilitator changed what is open, revealed, locked or ended.
    SaveState { code: String, state: String },
    /// A participant joined.
    AddParticipant {
        code: String,
        token_hash: String,
        number: u32,
    },
    /// A participant answered (or cleared an answer, with `choice: None`).
    SetAnswer {
        code: String,
        number: u32,
        question: String,
        choice: Option<String>,
    },
    /// A participant answered a step other than Duplo (the input as JSON).
    SetInput {
        code: String,
        number: u32,
        step: u32,
        value: String,
    },
    /// The facilitator removed a participant: their answers and their token.
    RemoveParticipant { code: String, number: u32 },
    /// The session and everything in it goes.
    DeleteSession { code: String },
    /// Sessions created before this time (seconds since 1970) go.
    Purge { before: i64 },
}

struct Job {
    op: Op,
    done: oneshot::Sender<Result<usize, String>>,
}

/// A session as read back at start-up.
#[derive(Debug)]
pub struct Loaded {
    pub code: String,
    /// The facilitator's secret, [`hashed`].
    pub secret_hash: String,
    pub survey: Survey,
    /// The steps (those of a session created before steps: none).
    pub steps: Vec<Step>,
    pub state: LiveState,
    pub mask_k: u32,
    pub created_at: i64,
    /// (token [`hashed`], participant number)
    pub participants: Vec<(String, u32)>,
    /// (participant number, question id, choice id)
    pub answers: Vec<(u32, String, String)>,
    /// (participant number, step, input)
    pub inputs: Vec<(u32, usize, Input)>,
}

/// Handle to the writer thread.
#[derive(Clone)]
pub struct Store {
    jobs: mpsc::Sender<Job>,
}

/// A queued operation; await it to know it is on disk.
pub struct Pending(oneshot::Receiver<Result<usize, String>>);

impl Pending {
    /// Waits for the commit; returns the number of rows the operation changed.
    pub async fn committed(self) -> Result<usize, String> {
        self.0
            .await
            .unwrap_or_else(|_| Err("le fil d'écriture s'est arrêté".to_owned()))
    }
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

/// How a secret or a token is stored and held: `sha256:` and the hex SHA-256 of it.
/// Both are 128 random bits, so a fast hash is enough: nobody can try them all.
pub fn hashed(secret: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(secret.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str(HASHED);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

const HASHED: &str = "sha256:";

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

/// Makes the data directory readable by its owner only (`0700`), creating it if missing.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
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
pub fn open(dir: &Path) -> anyhow::Result<(Store, Vec<Loaded>)> {
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
    let loaded = load(&conn)?;
    let (jobs, queue) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("briques-sqlite".into())
        .spawn(move || writer(conn, queue))?;
    Ok((Store { jobs }, loaded))
}

fn load(conn: &Connection) -> anyhow::Result<Vec<Loaded>> {
    let mut sessions = Vec::new();
    let mut stmt =
        conn.prepare("SELECT code, secret, survey, state, mask_k, created_at, steps FROM live_sessions")?;
    let rows = stmt.query_map([], |row| {
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
        let steps: Vec<Step> =
            serde_json::from_str(&steps).with_context(|| format!("session {code}: steps"))?;
        let survey: Survey =
            serde_json::from_str(&survey).with_context(|| format!("session {code}: survey"))?;
        let state: LiveState =
            serde_json::from_str(&state).with_context(|| format!("session {code}: state"))?;
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
            let input: Input = serde_json::from_str(&value)
                .with_context(|| format!("session {code}: answer of participant {number} to step {step}"))?;
            inputs.push((number, step as usize, input));
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
        Op::AddParticipant { code, token_hash, number } => tx.execute(
            "INSERT INTO live_participants (code, token, number) VALUES (?1, ?2, ?3)",
            params![code, token_hash, number],
        ),
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
    }
}

/// The writer: takes everything queued, commits it as one transaction, answers each job.
fn writer(mut conn: Connection, queue: mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < 1024 {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
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
        let erased = batch.iter().any(|job| {
            matches!(
                job.op,
                Op::DeleteSession { .. } | Op::RemoveParticipant { .. } | Op::Purge { .. }
            )
        });
        if erased && outcome.is_ok() {
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

impl Store {
    /// Queues an operation (in the caller's order) and returns a handle to await its commit.
    pub fn submit(&self, op: Op) -> Pending {
        let (done, wait) = oneshot::channel();
        if let Err(mpsc::SendError(job)) = self.jobs.send(Job { op, done }) {
            let _ = job.done.send(Err("le fil d'écriture s'est arrêté".to_owned()));
        }
        Pending(wait)
    }
}

/// Seconds since 1970.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Saves a state value as JSON.
pub fn state_json(state: &LiveState) -> String {
    serde_json::to_string(state).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_deleted_session_leaves_no_trace_in_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = open(dir.path()).unwrap();
        let survey = serde_json::to_string(&Survey::default_for(briques_core::i18n::Lang::Fr, None)).unwrap();
        let marker = "reponse-tres-reconnaissable-42";
        for op in [
            Op::CreateSession {
                code: "ACDEFG".into(),
                secret_hash: hashed("s"),
                survey,
                steps: "[]".into(),
                state: state_json(&LiveState::default()),
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
            let survey =
                serde_json::to_string(&Survey::default_for(briques_core::i18n::Lang::Fr, None)).unwrap();
            let state = state_json(&LiveState::default());
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
