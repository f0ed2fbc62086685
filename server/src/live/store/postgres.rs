//! PostgreSQL persistence of live sessions (`briques serve --database postgres://…`),
//! shared by several server processes.
//!
//! Each process keeps the sessions in memory, as with SQLite. Its writer thread commits
//! the queued operations as one transaction and, in that same transaction, sends them
//! with `pg_notify` on the channel [`CHANNEL`]: PostgreSQL delivers a notification only
//! when its transaction commits, to every listening connection, in commit order. A
//! listener thread per process hears the others' operations and hands them to the hub
//! ([`Remote`]); it skips its own (each process signs its notifications with a random
//! origin). No other broker.
//!
//! A notification larger than PostgreSQL's limit (8,000 bytes) is replaced by "read this
//! session again"; a lost listening connection is followed by reading every session
//! again once it is back. Participant numbers are given by the store (the next free
//! number of the session, under a unique constraint retried on conflict), so two
//! servers never hand out the same number. Answers are read back in commit order (a
//! `seq` column), as SQLite's row order does.

use std::sync::{mpsc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator as _;
use postgres::{Client, GenericClient, IsolationLevel, NoTls, Transaction};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

use super::{
    enqueue, next_batch, parse_input, parse_session, Backend, Done, Job, Loaded, Op, Pending, Remote,
};

/// The LISTEN/NOTIFY channel.
pub const CHANNEL: &str = "briques_live";

/// PostgreSQL refuses notifications of 8,000 bytes or more; a batch of operations is
/// split below this.
const NOTIFY_MAX: usize = 7_000;

/// Serialises the creation of the tables when several servers start at once.
const SCHEMA_LOCK: i64 = 0x6272_6971_7565;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS live_sessions (
    code TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    survey TEXT NOT NULL,
    state TEXT NOT NULL,
    mask_k INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    steps TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS live_participants (
    code TEXT NOT NULL REFERENCES live_sessions(code) ON DELETE CASCADE,
    token TEXT NOT NULL,
    number INTEGER NOT NULL,
    PRIMARY KEY (code, token),
    UNIQUE (code, number)
);
CREATE TABLE IF NOT EXISTS live_answers (
    code TEXT NOT NULL REFERENCES live_sessions(code) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    question TEXT NOT NULL,
    choice TEXT NOT NULL,
    seq BIGSERIAL NOT NULL,
    PRIMARY KEY (code, number, question)
);
CREATE TABLE IF NOT EXISTS live_inputs (
    code TEXT NOT NULL REFERENCES live_sessions(code) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    step INTEGER NOT NULL,
    value TEXT NOT NULL,
    seq BIGSERIAL NOT NULL,
    PRIMARY KEY (code, number, step)
);
CREATE INDEX IF NOT EXISTS live_sessions_created_at ON live_sessions (created_at);
";

/// The shared store.
pub struct Postgres {
    jobs: mpsc::Sender<Job>,
    url: String,
    /// A connection for reading sessions back (opened when first needed).
    reader: Mutex<Option<Client>>,
}

/// A notification: who sent it, and what changed.
#[derive(Serialize, Deserialize)]
struct Note {
    from: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ops: Vec<Op>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reload: Option<String>,
}

fn connect(url: &str) -> anyhow::Result<Client> {
    let mut config: postgres::Config = url.parse().context("adresse PostgreSQL illisible")?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    // A server that vanished (a cut cable, a crashed machine) is noticed within a minute.
    config.keepalives(true).keepalives_idle(Duration::from_secs(30));
    config.connect(NoTls).context("connexion à PostgreSQL impossible")
}

/// Connects, creates the tables if needed, starts listening, reads every session back,
/// and starts the writer and listener threads.
pub fn open(url: &str) -> anyhow::Result<(Postgres, Vec<Loaded>, UnboundedReceiver<Remote>)> {
    let mut client = connect(url)?;
    client.execute("SELECT pg_advisory_lock($1)", &[&SCHEMA_LOCK])?;
    let created = client.batch_execute(SCHEMA);
    client.execute("SELECT pg_advisory_unlock($1)", &[&SCHEMA_LOCK])?;
    created.context("création des tables dans PostgreSQL")?;
    let origin = super::super::hub::random_hex(8);
    let (remote, remote_rx) = unbounded_channel();
    // Listening before reading: nothing committed in between is missed.
    let (ready, listening) = mpsc::channel();
    {
        let (url, origin) = (url.to_owned(), origin.clone());
        std::thread::Builder::new()
            .name("briques-pg-listen".into())
            .spawn(move || listen(&url, &origin, &remote, Some(ready)))?;
    }
    listening
        .recv()
        .map_err(|_| anyhow::anyhow!("le fil d'écoute de PostgreSQL s'est arrêté"))??;
    let loaded = load(&mut client, None)?;
    let (jobs, queue) = mpsc::channel::<Job>();
    {
        let url = url.to_owned();
        std::thread::Builder::new()
            .name("briques-pg-write".into())
            .spawn(move || writer(&url, client, &origin, queue))?;
    }
    Ok((
        Postgres {
            jobs,
            url: url.to_owned(),
            reader: Mutex::new(None),
        },
        loaded,
        remote_rx,
    ))
}

/// The listener: hears the other servers' notifications until the hub is gone; after a
/// lost connection, reconnects (every second) and asks for every session to be read
/// again. `ready` is told once the first LISTEN holds (or why it failed).
fn listen(
    url: &str,
    origin: &str,
    remote: &UnboundedSender<Remote>,
    mut ready: Option<mpsc::Sender<anyhow::Result<()>>>,
) {
    loop {
        let listening = connect(url).and_then(|mut client| {
            client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
            Ok(client)
        });
        match listening {
            Ok(mut client) => {
                match ready.take() {
                    Some(ready) => {
                        let _ = ready.send(Ok(()));
                    }
                    None => {
                        eprintln!("briques : connexion d'écoute à PostgreSQL rétablie");
                        if remote.send(Remote::Resync).is_err() {
                            return;
                        }
                    }
                }
                let mut notifications = client.notifications();
                let mut heard = notifications.blocking_iter();
                // `None` or an error: the connection is gone.
                while let Ok(Some(notification)) = heard.next() {
                    if let Some(change) = remote_of(origin, notification.payload()) {
                        if remote.send(change).is_err() {
                            return;
                        }
                    }
                }
                eprintln!("briques : connexion d'écoute à PostgreSQL perdue, nouvel essai");
            }
            Err(error) => {
                if let Some(ready) = ready.take() {
                    let _ = ready.send(Err(error));
                    return;
                }
            }
        }
        if remote.is_closed() {
            return;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// What a notification asks of this server (nothing for its own).
fn remote_of(origin: &str, payload: &str) -> Option<Remote> {
    let note: Note = serde_json::from_str(payload).ok()?;
    if note.from == origin {
        return None;
    }
    match note.reload {
        Some(code) => Some(Remote::Reload(code)),
        None => Some(Remote::Ops(note.ops)),
    }
}

/// The notifications telling a batch's committed operations: as few as fit under
/// [`NOTIFY_MAX`]; a session's creation, or an operation too large, as "read it again".
fn notes(origin: &str, ops: Vec<Op>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<Op> = Vec::new();
    let mut size = 0;
    let flush = |current: &mut Vec<Op>, out: &mut Vec<String>| {
        if !current.is_empty() {
            let note = Note {
                from: origin.to_owned(),
                ops: std::mem::take(current),
                reload: None,
            };
            out.push(serde_json::to_string(&note).unwrap_or_default());
        }
    };
    for op in ops {
        let text = serde_json::to_string(&op).unwrap_or_default();
        let reload = matches!(op, Op::CreateSession { .. }) || text.len() + 100 > NOTIFY_MAX;
        if reload {
            flush(&mut current, &mut out);
            if let Some(code) = op.code() {
                let note = Note {
                    from: origin.to_owned(),
                    ops: Vec::new(),
                    reload: Some(code.to_owned()),
                };
                out.push(serde_json::to_string(&note).unwrap_or_default());
            }
            continue;
        }
        if size + text.len() + 100 > NOTIFY_MAX {
            flush(&mut current, &mut out);
            size = 0;
        }
        size += text.len() + 1;
        current.push(op);
    }
    flush(&mut current, &mut out);
    out
}

/// The writer: commits each batch as one transaction with its notifications, answers
/// each job; reconnects when the connection was lost.
fn writer(url: &str, mut client: Client, origin: &str, queue: mpsc::Receiver<Job>) {
    while let Some(batch) = next_batch(&queue) {
        if client.is_closed() {
            match connect(url) {
                Ok(fresh) => client = fresh,
                Err(error) => {
                    for job in batch {
                        let _ = job.done.send(Err(format!("{error:#}")));
                    }
                    continue;
                }
            }
        }
        match commit(&mut client, origin, &batch) {
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

/// Whether trying the same operation again may succeed: a participant number taken by
/// another server meanwhile, a deadlock or a serialisation failure.
fn retryable(error: &postgres::Error) -> bool {
    matches!(
        error.code(),
        Some(code) if *code == SqlState::UNIQUE_VIOLATION
            || *code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::T_R_SERIALIZATION_FAILURE
    )
}

fn commit(client: &mut Client, origin: &str, batch: &[Job]) -> Result<Vec<Done>, postgres::Error> {
    let mut tx = client.transaction()?;
    let mut results = Vec::with_capacity(batch.len());
    let mut told = Vec::new();
    for job in batch {
        let mut attempts = 0;
        let result = loop {
            // A savepoint per operation: one refused operation does not undo the others.
            let mut savepoint = tx.transaction()?;
            match apply(&mut savepoint, &job.op) {
                Ok(n) => {
                    savepoint.commit()?;
                    break Ok(n);
                }
                Err(error) => {
                    savepoint.rollback()?;
                    attempts += 1;
                    if attempts < 20 && retryable(&error) {
                        continue;
                    }
                    break Err(error.to_string());
                }
            }
        };
        if let (Ok(n), false) = (&result, matches!(job.op, Op::Barrier)) {
            let n = *n;
            let mut op = job.op.clone();
            // The others learn the number the store gave.
            if let Op::AddParticipant { number, .. } = &mut op {
                *number = n as u32;
            }
            told.push(op);
        }
        results.push(result);
    }
    for note in notes(origin, told) {
        tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &note])?;
    }
    tx.commit()?;
    Ok(results)
}

fn apply(tx: &mut Transaction<'_>, op: &Op) -> Result<usize, postgres::Error> {
    let rows = match op {
        Op::CreateSession {
            code,
            secret_hash,
            survey,
            steps,
            state,
            mask_k,
            created_at,
        } => tx.execute(
            "INSERT INTO live_sessions (code, secret, survey, state, mask_k, created_at, steps)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                code,
                secret_hash,
                survey,
                state,
                &(*mask_k as i32),
                created_at,
                steps,
            ],
        )?,
        Op::SaveState { code, state } => tx.execute(
            "UPDATE live_sessions SET state = $2 WHERE code = $1",
            &[code, state],
        )?,
        Op::AddParticipant {
            code,
            token_hash,
            number,
        } => {
            // The next number of the session, never below this server's own count (so a
            // number is not handed out again after its participant was removed).
            let row = tx.query_one(
                "INSERT INTO live_participants (code, token, number)
                 SELECT $1, $2, GREATEST($3, COALESCE(MAX(number), 0) + 1)
                 FROM live_participants WHERE code = $1
                 RETURNING number",
                &[code, token_hash, &(*number as i32)],
            )?;
            return Ok(row.get::<_, i32>(0) as usize);
        }
        Op::SetAnswer {
            code,
            number,
            question,
            choice: Some(choice),
        } => tx.execute(
            "INSERT INTO live_answers (code, number, question, choice) VALUES ($1, $2, $3, $4)
             ON CONFLICT (code, number, question) DO UPDATE SET choice = EXCLUDED.choice",
            &[code, &(*number as i32), question, choice],
        )?,
        Op::SetAnswer {
            code,
            number,
            question,
            choice: None,
        } => tx.execute(
            "DELETE FROM live_answers WHERE code = $1 AND number = $2 AND question = $3",
            &[code, &(*number as i32), question],
        )?,
        Op::SetInput {
            code,
            number,
            step,
            value,
        } => tx.execute(
            "INSERT INTO live_inputs (code, number, step, value) VALUES ($1, $2, $3, $4)
             ON CONFLICT (code, number, step) DO UPDATE SET value = EXCLUDED.value",
            &[code, &(*number as i32), &(*step as i32), value],
        )?,
        Op::RemoveParticipant { code, number } => {
            let number = *number as i32;
            tx.execute(
                "DELETE FROM live_answers WHERE code = $1 AND number = $2",
                &[code, &number],
            )?;
            tx.execute(
                "DELETE FROM live_inputs WHERE code = $1 AND number = $2",
                &[code, &number],
            )?;
            tx.execute(
                "DELETE FROM live_participants WHERE code = $1 AND number = $2",
                &[code, &number],
            )?
        }
        Op::DeleteSession { code } => tx.execute("DELETE FROM live_sessions WHERE code = $1", &[code])?,
        Op::Purge { before } => tx.execute("DELETE FROM live_sessions WHERE created_at < $1", &[before])?,
        Op::Barrier => 0,
    };
    Ok(rows as usize)
}

/// Reads every session back, or the one with code `only`, from one snapshot.
fn load(client: &mut Client, only: Option<&str>) -> anyhow::Result<Vec<Loaded>> {
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    let sessions = load_in(&mut tx, only)?;
    tx.commit()?;
    Ok(sessions)
}

fn load_in(tx: &mut impl GenericClient, only: Option<&str>) -> anyhow::Result<Vec<Loaded>> {
    let mut sessions = Vec::new();
    let rows = tx.query(
        "SELECT code, secret, survey, state, mask_k, created_at, steps FROM live_sessions
         WHERE $1::TEXT IS NULL OR code = $1",
        &[&only],
    )?;
    for row in rows {
        let code: String = row.get(0);
        let (survey, state, steps) = parse_session(&code, row.get(2), row.get(3), row.get(6))?;
        let participants = tx
            .query(
                "SELECT token, number FROM live_participants WHERE code = $1 ORDER BY number",
                &[&code],
            )?
            .iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, i32>(1) as u32))
            .collect();
        let answers = tx
            .query(
                "SELECT number, question, choice FROM live_answers WHERE code = $1 ORDER BY seq",
                &[&code],
            )?
            .iter()
            .map(|r| (r.get::<_, i32>(0) as u32, r.get(1), r.get(2)))
            .collect();
        let mut inputs = Vec::new();
        for r in tx.query(
            "SELECT number, step, value FROM live_inputs WHERE code = $1 ORDER BY seq",
            &[&code],
        )? {
            inputs.push(parse_input(
                &code,
                r.get::<_, i32>(0) as u32,
                r.get::<_, i32>(1) as u32,
                r.get(2),
            )?);
        }
        sessions.push(Loaded {
            secret_hash: row.get(1),
            survey,
            steps,
            state,
            mask_k: row.get::<_, i32>(4) as u32,
            created_at: row.get(5),
            participants,
            answers,
            inputs,
            code,
        });
    }
    Ok(sessions)
}

impl Postgres {
    /// Runs `read` on the reading connection (opened, or opened again, as needed).
    fn reading<T>(&self, read: impl Fn(&mut Client) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        if reader.as_ref().is_none_or(Client::is_closed) {
            *reader = Some(connect(&self.url)?);
        }
        let client = reader.as_mut().expect("connected just above");
        read(client)
    }
}

impl Backend for Postgres {
    fn submit(&self, op: Op) -> Pending {
        enqueue(&self.jobs, op)
    }

    fn load(&self, code: &str) -> anyhow::Result<Option<Loaded>> {
        self.reading(|client| Ok(load(client, Some(code))?.pop()))
    }

    fn load_all(&self) -> anyhow::Result<Vec<Loaded>> {
        self.reading(|client| load(client, None))
    }

    fn shared(&self) -> bool {
        true
    }

    fn import(&self, session: &Loaded) -> anyhow::Result<()> {
        self.reading(|client| {
            let mut tx = client.transaction()?;
            let code = &session.code;
            tx.execute("DELETE FROM live_sessions WHERE code = $1", &[code])?;
            tx.execute(
                "INSERT INTO live_sessions (code, secret, survey, state, mask_k, created_at, steps)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    code,
                    &session.secret_hash,
                    &serde_json::to_string(&session.survey)?,
                    &super::state_json(&session.state),
                    &(session.mask_k as i32),
                    &session.created_at,
                    &serde_json::to_string(&session.steps)?,
                ],
            )?;
            for (token, number) in &session.participants {
                tx.execute(
                    "INSERT INTO live_participants (code, token, number) VALUES ($1, $2, $3)",
                    &[code, token, &(*number as i32)],
                )?;
            }
            for (number, question, choice) in &session.answers {
                tx.execute(
                    "INSERT INTO live_answers (code, number, question, choice) VALUES ($1, $2, $3, $4)",
                    &[code, &(*number as i32), question, choice],
                )?;
            }
            for (number, step, input) in &session.inputs {
                tx.execute(
                    "INSERT INTO live_inputs (code, number, step, value) VALUES ($1, $2, $3, $4)",
                    &[
                        code,
                        &(*number as i32),
                        &(*step as i32),
                        &serde_json::to_string(input)?,
                    ],
                )?;
            }
            // The other servers read it again.
            let note = serde_json::to_string(&Note {
                from: String::new(),
                ops: Vec::new(),
                reload: Some(code.clone()),
            })?;
            tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &note])?;
            tx.commit()?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_is_told_in_notifications_under_the_limit_in_order() {
        let ops: Vec<Op> = (0..400)
            .map(|n| Op::SetAnswer {
                code: "ACDEFG".into(),
                number: n,
                question: format!("q{}", n % 7),
                choice: Some("une-réponse".into()),
            })
            .collect();
        let notes = notes("moi", ops.clone());
        assert!(notes.len() > 1, "split");
        let mut heard = Vec::new();
        for note in &notes {
            assert!(note.len() < 8_000, "{} bytes", note.len());
            match remote_of("un-autre", note) {
                Some(Remote::Ops(ops)) => heard.extend(ops),
                other => panic!("{other:?}"),
            }
            assert!(
                remote_of("moi", note).is_none(),
                "one's own notifications are skipped"
            );
        }
        assert_eq!(heard, ops);
    }

    #[test]
    fn a_creation_or_a_large_change_is_told_as_read_it_again() {
        let notes = notes(
            "moi",
            vec![
                Op::SaveState {
                    code: "ACDEFG".into(),
                    state: "x".repeat(9_000),
                },
                Op::CreateSession {
                    code: "HJKLMN".into(),
                    secret_hash: String::new(),
                    survey: String::new(),
                    steps: String::new(),
                    state: String::new(),
                    mask_k: 3,
                    created_at: 0,
                },
            ],
        );
        let codes: Vec<String> = notes
            .iter()
            .map(|n| match remote_of("autre", n) {
                Some(Remote::Reload(code)) => code,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(codes, ["ACDEFG", "HJKLMN"]);
    }
}
