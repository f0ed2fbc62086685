//! Persistence of live sessions: one [`Backend`] trait, two implementations.
//!
//! - [`sqlite`], the embedded default (`briques.sqlite3` in `--data`, no set-up): one
//!   server process.
//! - [`postgres`] (`briques serve --database postgres://…`): several server processes
//!   share every session; each keeps the sessions in memory and hears what the others
//!   committed through PostgreSQL's own LISTEN/NOTIFY ([`Remote`]).
//!
//! Both keep the same promise: an operation is queued in the order the hub applies it in
//! memory, a writer thread commits whatever has queued as one transaction (group commit),
//! and only then is each operation answered — a participant's answer is acknowledged
//! after its commit, so `kill -9` loses no acknowledged answer. Secrets and participant
//! tokens are stored as [`hashed`], never as given.

#[cfg(feature = "postgres")]
pub mod postgres;
pub mod sqlite;

use std::path::Path;
use std::sync::{mpsc, Arc};

use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

use briques_core::live::{Input, LiveState, Step};
use briques_core::survey::Survey;

/// A change to persist (and, on a shared store, to tell the other servers).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "op", rename_all = "snake_case")]
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
    /// A participant joined. On a shared store `number` is only a proposal: the store
    /// gives the next free number of the session and answers with it.
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
    /// Changes nothing: answered once every operation queued before it is committed
    /// (a session is read again from a shared store only after that).
    Barrier,
}

impl Op {
    /// The session the operation is about (none for a purge).
    pub fn code(&self) -> Option<&str> {
        match self {
            Op::CreateSession { code, .. }
            | Op::SaveState { code, .. }
            | Op::AddParticipant { code, .. }
            | Op::SetAnswer { code, .. }
            | Op::SetInput { code, .. }
            | Op::RemoveParticipant { code, .. }
            | Op::DeleteSession { code } => Some(code),
            Op::Purge { .. } | Op::Barrier => None,
        }
    }

    /// Whether the operation erases something (the SQLite log is then emptied too).
    pub fn erases(&self) -> bool {
        matches!(
            self,
            Op::DeleteSession { .. } | Op::RemoveParticipant { .. } | Op::Purge { .. }
        )
    }
}

/// What another server committed to a shared store, for this one's memory.
#[derive(Debug)]
#[cfg_attr(
    not(feature = "postgres"),
    expect(dead_code, reason = "only the PostgreSQL store sends them")
)]
pub enum Remote {
    /// Operations, in commit order.
    Ops(Vec<Op>),
    /// A session to read again from the store (created elsewhere, or too large a change
    /// for a notification).
    Reload(String),
    /// Notifications may have been missed (the listening connection was lost): read
    /// every session again.
    Resync,
}

/// A session as read back.
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

/// What a committed operation answers: the rows it changed, or for
/// [`Op::AddParticipant`] the participant's number.
pub type Done = Result<usize, String>;

/// An operation waiting for its writer thread.
pub(crate) struct Job {
    pub op: Op,
    pub done: oneshot::Sender<Done>,
}

/// A queued operation; await it to know it is committed.
pub struct Pending(oneshot::Receiver<Done>);

impl Pending {
    /// Waits for the commit; see [`Done`].
    pub async fn committed(self) -> Done {
        self.0.await.unwrap_or_else(|_| Err(WRITER_GONE.to_owned()))
    }

    /// Waits for the commit from a thread that may block (not an async task).
    pub fn blocking_committed(self) -> Done {
        self.0
            .blocking_recv()
            .unwrap_or_else(|_| Err(WRITER_GONE.to_owned()))
    }
}

const WRITER_GONE: &str = "le fil d'écriture s'est arrêté";

/// Queues `op` on a writer thread's channel.
pub(crate) fn enqueue(jobs: &mpsc::Sender<Job>, op: Op) -> Pending {
    let (done, wait) = oneshot::channel();
    if let Err(mpsc::SendError(job)) = jobs.send(Job { op, done }) {
        let _ = job.done.send(Err(WRITER_GONE.to_owned()));
    }
    Pending(wait)
}

/// Takes the next batch of jobs from a writer's queue: waits for one, then takes what
/// has queued meanwhile (up to 1,024). `None` once every sender is gone.
pub(crate) fn next_batch(queue: &mpsc::Receiver<Job>) -> Option<Vec<Job>> {
    let first = queue.recv().ok()?;
    let mut batch = vec![first];
    while batch.len() < 1024 {
        match queue.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
    Some(batch)
}

/// A store of live sessions.
pub trait Backend: Send + Sync {
    /// Queues an operation (in the caller's order); await the handle to know it is
    /// committed.
    fn submit(&self, op: Op) -> Pending;
    /// Reads one session back (`None`: no such session). Blocking: call it off the
    /// async threads.
    fn load(&self, code: &str) -> anyhow::Result<Option<Loaded>>;
    /// Reads every session back. Blocking.
    fn load_all(&self) -> anyhow::Result<Vec<Loaded>>;
    /// Whether other server processes may write to this store too (their changes then
    /// arrive as [`Remote`]s, and a session or participant unknown here may exist).
    fn shared(&self) -> bool;
    /// Writes a session exactly as read from another store (participant numbers kept),
    /// replacing one with the same code. Blocking.
    fn import(&self, session: &Loaded) -> anyhow::Result<()>;
}

/// Handle to a store (cheap to clone).
#[derive(Clone)]
pub struct Store(Arc<dyn Backend>);

impl Store {
    /// Queues an operation; see [`Backend::submit`].
    pub fn submit(&self, op: Op) -> Pending {
        self.0.submit(op)
    }

    /// Whether other servers share this store; see [`Backend::shared`].
    pub fn shared(&self) -> bool {
        self.0.shared()
    }

    /// Reads one session back, off the async threads.
    pub async fn load(&self, code: &str) -> anyhow::Result<Option<Loaded>> {
        let backend = self.0.clone();
        let code = code.to_owned();
        tokio::task::spawn_blocking(move || backend.load(&code)).await?
    }

    /// Reads every session back, off the async threads.
    pub async fn load_all(&self) -> anyhow::Result<Vec<Loaded>> {
        let backend = self.0.clone();
        tokio::task::spawn_blocking(move || backend.load_all()).await?
    }

    /// The backend itself (for `migrate-store`).
    pub fn backend(&self) -> &dyn Backend {
        &*self.0
    }
}

/// Where live sessions are kept: `None` for the embedded SQLite file in `data`, or a
/// `postgres://` (or `postgresql://`) address.
///
/// Returns the store, every session in it, and for a shared store the channel on which
/// the other servers' changes arrive.
pub fn open(
    database: Option<&str>,
    data: &Path,
) -> anyhow::Result<(
    Store,
    Vec<Loaded>,
    Option<tokio::sync::mpsc::UnboundedReceiver<Remote>>,
)> {
    match database {
        None => {
            let (backend, loaded) = sqlite::open(data)?;
            Ok((Store(Arc::new(backend)), loaded, None))
        }
        Some(url) => {
            let (store, loaded, remote) = open_postgres(url)?;
            Ok((store, loaded, Some(remote)))
        }
    }
}

#[cfg(feature = "postgres")]
fn open_postgres(
    url: &str,
) -> anyhow::Result<(Store, Vec<Loaded>, tokio::sync::mpsc::UnboundedReceiver<Remote>)> {
    let (backend, loaded, remote) = postgres::open(url)?;
    Ok((Store(Arc::new(backend)), loaded, remote))
}

/// Without the `postgres` feature (the Quick start's build, `scripts/run`): what to build.
#[cfg(not(feature = "postgres"))]
fn open_postgres(
    _: &str,
) -> anyhow::Result<(Store, Vec<Loaded>, tokio::sync::mpsc::UnboundedReceiver<Remote>)> {
    anyhow::bail!(briques_core::i18n::tr(
        crate::env_lang(),
        "serve-database-not-built"
    ))
}

/// Whether `name` is a PostgreSQL address.
pub fn is_url(name: &str) -> bool {
    name.starts_with("postgres://") || name.starts_with("postgresql://")
}

/// The address as it may be shown: without its password.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

/// Opens a store named as on the command line: `sqlite:PATH` (a data folder, or its
/// `briques.sqlite3`), a bare folder, or a `postgres://` address. Blocking; for
/// `migrate-store`.
pub fn open_named(name: &str) -> anyhow::Result<(Store, Vec<Loaded>)> {
    if is_url(name) {
        let (store, loaded, _) = open_postgres(name)?;
        return Ok((store, loaded));
    }
    let path = Path::new(name.strip_prefix("sqlite:").unwrap_or(name));
    let dir = if path.extension().is_some_and(|e| e == "sqlite3") {
        path.parent().unwrap_or(Path::new("."))
    } else {
        path
    };
    private_dir(dir)?;
    let (backend, loaded) = sqlite::open(dir)?;
    Ok((Store(Arc::new(backend)), loaded))
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

pub(crate) const HASHED: &str = "sha256:";

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

/// Reads a session's stored JSON columns back (both stores hold the same text).
pub(crate) fn parse_session(
    code: &str,
    survey: &str,
    state: &str,
    steps: &str,
) -> anyhow::Result<(Survey, LiveState, Vec<Step>)> {
    use anyhow::Context as _;
    let steps: Vec<Step> = serde_json::from_str(steps).with_context(|| format!("session {code}: steps"))?;
    let survey: Survey = serde_json::from_str(survey).with_context(|| format!("session {code}: survey"))?;
    let state: LiveState = serde_json::from_str(state).with_context(|| format!("session {code}: state"))?;
    Ok((survey, state, steps))
}

/// Reads a stored step input back.
pub(crate) fn parse_input(
    code: &str,
    number: u32,
    step: u32,
    value: &str,
) -> anyhow::Result<(u32, usize, Input)> {
    use anyhow::Context as _;
    let input: Input = serde_json::from_str(value)
        .with_context(|| format!("session {code}: answer of participant {number} to step {step}"))?;
    Ok((number, step as usize, input))
}
