//! The live sessions in memory: for each, the Duplo [`Session`] of answers (the same
//! model and analyses as the single-device page), the facilitator's [`LiveState`],
//! the participants' tokens, and two "latest view" channels — what participants may
//! see, and what the projector sees. A publisher task per session rebuilds both after
//! changes, at most every [`PUBLISH_EVERY`], so a burst of answers costs one update.
//!
//! A view is built only while someone follows it (or asks for it): a session nobody
//! watches holds its survey and answers, not copies of them as JSON, so memory does not
//! grow with sessions nobody joined. Secrets and tokens are held as their hashes
//! ([`store::hashed`]), as on disk.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{watch, Notify};

use briques_core::live::{
    self, Control, FacilitatorView, Input, Inputs, LiveState, Me, Refusal, SessionParts, Step,
};
use briques_core::survey::{Response, Session, Survey};

use super::store::{self, Loaded, Op, Pending, Remote, Store};

/// Shortest time between two rebuilds of the projector's view.
pub const PUBLISH_EVERY: Duration = Duration::from_millis(25);
/// Shortest time between two rebuilds of the participants' view: phones need no more,
/// and a room of hundreds on one Wi-Fi must not be flooded.
pub const PUBLISH_PUBLIC_EVERY: Duration = Duration::from_millis(500);

/// One live session.
pub struct Live {
    pub code: String,
    /// The facilitator's secret, hashed.
    secret_hash: String,
    pub mask_k: usize,
    pub created_at: i64,
    data: Mutex<Data>,
    changed: Notify,
    public_changed: Notify,
    /// What has been published: the participants' view last sent (without its revision:
    /// what phones already know), and whether each view is stale for want of followers.
    views: Mutex<Views>,
    public: watch::Sender<Arc<str>>,
    facilitator: watch::Sender<Arc<str>>,
}

#[derive(Default)]
struct Views {
    public_sent: String,
    public_stale: bool,
    facilitator_stale: bool,
}

struct Data {
    session: Session,
    /// The workshop's steps (at least one).
    steps: Vec<Step>,
    /// Answers to the steps other than Duplo.
    inputs: Inputs,
    state: LiveState,
    /// Participants by the hash of their token.
    tokens: HashMap<String, u32>,
    next_number: u32,
    revision: u64,
    deleted: bool,
}

impl Data {
    fn parts<'a>(&'a self, code: &'a str) -> SessionParts<'a> {
        SessionParts {
            code,
            session: &self.session,
            state: &self.state,
            steps: &self.steps,
            inputs: &self.inputs,
        }
    }

    fn set_answer(&mut self, number: u32, question: &str, choice: Option<&str>) {
        let position = self
            .session
            .responses
            .iter()
            .position(|r| r.participant == number);
        match (position, choice) {
            (Some(i), Some(choice)) => {
                self.session.responses[i]
                    .answers
                    .insert(question.to_owned(), choice.to_owned());
            }
            (Some(i), None) => {
                let response = &mut self.session.responses[i];
                response.answers.remove(question);
                if response.answers.is_empty() {
                    self.session.responses.remove(i);
                }
            }
            (None, Some(choice)) => self.session.responses.push(Response {
                participant: number,
                answers: BTreeMap::from([(question.to_owned(), choice.to_owned())]),
            }),
            (None, None) => {}
        }
    }
}

/// Why a request about a session fails.
#[derive(Debug, PartialEq, Eq)]
pub enum LiveError {
    /// No session has this code (or it was deleted).
    UnknownSession,
    /// The participant token is not one of this session's.
    UnknownParticipant,
    /// The rules refuse it.
    Refused(Refusal),
    /// The session has as many participants as allowed.
    TooManyParticipants(usize),
    /// The server holds as many sessions as allowed.
    TooManySessions(usize),
    /// Writing to disk failed.
    Storage(String),
}

impl From<Refusal> for LiveError {
    fn from(refusal: Refusal) -> Self {
        LiveError::Refused(refusal)
    }
}

/// Serialises exactly as `briques_core::live::FacilitatorView` (a test reads one back as
/// the other) but borrows the session, so publishing copies no rows.
#[derive(Serialize)]
struct FacilitatorOut<'a> {
    code: &'a str,
    session: &'a Session,
    state: &'a LiveState,
    joined: usize,
    mask_k: usize,
    steps: &'a [Step],
    inputs: &'a Inputs,
    revision: u64,
}

impl Data {
    /// A session's data as read back from the store.
    fn loaded(l: Loaded) -> Data {
        let mut inputs = Inputs::new();
        for (number, step, input) in l.inputs {
            inputs.entry(step).or_default().insert(number, input);
        }
        let mut data = Data {
            session: Session::new(l.survey),
            steps: live::steps_or_duplo(l.steps),
            inputs,
            state: l.state,
            tokens: l.participants.iter().cloned().collect(),
            next_number: l.participants.iter().map(|(_, n)| *n).max().unwrap_or(0) + 1,
            revision: 1,
            deleted: false,
        };
        for (number, question, choice) in &l.answers {
            data.set_answer(*number, question, Some(choice));
        }
        data
    }

    /// Removes a participant's answers and token; whether there was anything.
    fn remove_participant(&mut self, number: u32) -> bool {
        let mut answered = self.session.delete_response(number);
        for by in self.inputs.values_mut() {
            answered |= by.remove(&number).is_some();
        }
        let joined = self.tokens.len();
        self.tokens.retain(|_, n| *n != number);
        answered || self.tokens.len() < joined
    }

    /// Applies an operation another server committed (the same change its hub made in
    /// memory). Unreadable values are skipped: the next reading of the session repairs.
    fn apply_remote(&mut self, op: &Op) {
        match op {
            Op::SaveState { state, .. } => {
                if let Ok(state) = serde_json::from_str(state) {
                    self.state = state;
                }
            }
            Op::AddParticipant {
                token_hash, number, ..
            } => {
                self.tokens.insert(token_hash.clone(), *number);
                self.next_number = self.next_number.max(number + 1);
            }
            Op::SetAnswer {
                number,
                question,
                choice,
                ..
            } => {
                self.set_answer(*number, question, choice.as_deref());
            }
            Op::SetInput {
                number, step, value, ..
            } => {
                if let Ok(input) = serde_json::from_str(value) {
                    self.inputs
                        .entry(*step as usize)
                        .or_default()
                        .insert(*number, input);
                }
            }
            Op::RemoveParticipant { number, .. } => {
                self.remove_participant(*number);
            }
            Op::CreateSession { .. } | Op::DeleteSession { .. } | Op::Purge { .. } | Op::Barrier => {}
        }
    }
}

impl Live {
    fn loaded(l: Loaded) -> Arc<Live> {
        let (code, secret_hash, mask_k, created_at) = (
            l.code.clone(),
            l.secret_hash.clone(),
            l.mask_k as usize,
            l.created_at,
        );
        Live::new(code, secret_hash, mask_k, created_at, Data::loaded(l))
    }

    fn new(code: String, secret_hash: String, mask_k: usize, created_at: i64, data: Data) -> Arc<Live> {
        let live = Arc::new(Live {
            code,
            secret_hash,
            mask_k,
            created_at,
            data: Mutex::new(data),
            changed: Notify::new(),
            public_changed: Notify::new(),
            views: Mutex::new(Views {
                public_stale: true,
                facilitator_stale: true,
                ..Views::default()
            }),
            public: watch::channel(Arc::from("")).0,
            facilitator: watch::channel(Arc::from("")).0,
        });
        // One publisher per audience. Changes arriving while a view is being built leave
        // one wake-up behind (Notify keeps a permit), so a burst costs one more rebuild.
        Live::spawn_publisher(
            live.clone(),
            |l| &l.changed,
            Live::publish_facilitator,
            PUBLISH_EVERY,
        );
        Live::spawn_publisher(
            live.clone(),
            |l| &l.public_changed,
            Live::publish_public,
            PUBLISH_PUBLIC_EVERY,
        );
        live
    }

    /// Rebuilds a view after each change, at most every `every`, until the session is
    /// deleted (`publish` returns true).
    fn spawn_publisher(
        live: Arc<Live>,
        signal: fn(&Live) -> &Notify,
        publish: fn(&Live) -> bool,
        every: Duration,
    ) {
        tokio::spawn(async move {
            loop {
                signal(&live).notified().await;
                if publish(&live) {
                    return;
                }
                tokio::time::sleep(every).await;
            }
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Data> {
        // A panic while holding the lock would poison it; the data stays consistent
        // (each change is one step), so keep serving.
        self.data.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn views(&self) -> std::sync::MutexGuard<'_, Views> {
        self.views.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Rebuilds the projector's view if someone follows it (otherwise drops it until
    /// someone does); returns true when the session was deleted.
    fn publish_facilitator(&self) -> bool {
        let mut views = self.views();
        if self.facilitator.receiver_count() == 0 {
            views.facilitator_stale = true;
            self.facilitator.send_replace(Arc::from(""));
            return self.lock().deleted;
        }
        views.facilitator_stale = false;
        let data = self.lock();
        let facilitator = serde_json::to_string(&FacilitatorOut {
            code: &self.code,
            session: &data.session,
            state: &data.state,
            joined: data.tokens.len(),
            mask_k: self.mask_k,
            steps: &data.steps,
            inputs: &data.inputs,
            revision: data.revision,
        })
        .unwrap_or_default();
        let deleted = data.deleted;
        drop(data);
        self.facilitator.send_replace(Arc::from(facilitator));
        deleted
    }

    /// Rebuilds the participants' view if someone follows it, sent only when it differs;
    /// returns true when the session was deleted.
    fn publish_public(&self) -> bool {
        let mut views = self.views();
        if self.public.receiver_count() == 0 {
            views.public_stale = true;
            views.public_sent = String::new();
            self.public.send_replace(Arc::from(""));
            return self.lock().deleted;
        }
        views.public_stale = false;
        let mut view = self.public_view_now();
        if self.lock().deleted {
            return true;
        }
        // The revision alone changing is no news for a phone.
        let revision = view.revision;
        view.revision = 0;
        let comparable = serde_json::to_string(&view).unwrap_or_default();
        view.revision = revision;
        if views.public_sent != comparable {
            views.public_sent = comparable;
            self.public
                .send_replace(Arc::from(serde_json::to_string(&view).unwrap_or_default()));
        }
        false
    }

    /// The participants' view as it is now.
    pub fn public_view_now(&self) -> live::PublicView {
        let data = self.lock();
        data.parts(&self.code).public_view(self.mask_k, data.revision)
    }

    fn touch(&self, data: &mut Data) -> u64 {
        data.revision += 1;
        self.changed.notify_one();
        self.public_changed.notify_one();
        data.revision
    }

    /// Whether `secret` is this session's facilitator secret.
    pub fn is_facilitator(&self, secret: &str) -> bool {
        // Compare every byte, so timing does not tell how much of a guess was right.
        let given = store::hashed(secret);
        let (a, b) = (self.secret_hash.as_bytes(), given.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    /// The number of the participant with this token, if it is one of this session's.
    pub fn participant(&self, token: &str) -> Option<u32> {
        self.lock().tokens.get(&store::hashed(token)).copied()
    }

    /// Participants' view stream: the current view first (built now if nobody was
    /// following), then one per change.
    pub fn public_views(&self) -> watch::Receiver<Arc<str>> {
        let receiver = self.public.subscribe();
        self.publish_public();
        receiver
    }

    /// Projector view stream, as [`Live::public_views`].
    pub fn facilitator_views(&self) -> watch::Receiver<Arc<str>> {
        let receiver = self.facilitator.subscribe();
        self.publish_facilitator();
        receiver
    }

    /// The projector's view now (the stream sends the same, at most 25 ms later).
    pub fn facilitator_view(&self) -> FacilitatorView {
        let data = self.lock();
        FacilitatorView {
            code: self.code.clone(),
            session: data.session.clone(),
            state: data.state.clone(),
            joined: data.tokens.len(),
            mask_k: self.mask_k,
            steps: data.steps.clone(),
            inputs: data.inputs.clone(),
            revision: data.revision,
        }
    }

    /// The survey and whether the session has ended.
    pub fn survey_and_ended(&self) -> (Survey, bool) {
        let data = self.lock();
        (data.session.survey.clone(), data.state.ended)
    }

    /// A copy of the answers (for exports).
    pub fn session(&self) -> Session {
        self.lock().session.clone()
    }

    /// A copy of the steps, their inputs and the state (for exports).
    pub fn steps_and_inputs(&self) -> (Vec<Step>, Inputs, LiveState) {
        let data = self.lock();
        (data.steps.clone(), data.inputs.clone(), data.state.clone())
    }

    /// The participant with this token, with their answers.
    pub fn me(&self, token: &str) -> Result<Me, LiveError> {
        let data = self.lock();
        let participant = *data
            .tokens
            .get(&store::hashed(token))
            .ok_or(LiveError::UnknownParticipant)?;
        let answers = data
            .session
            .responses
            .iter()
            .find(|r| r.participant == participant)
            .map(|r| r.answers.clone())
            .unwrap_or_default();
        let inputs = data
            .inputs
            .iter()
            .filter_map(|(step, by)| Some((*step, by.get(&participant)?.clone())))
            .collect();
        Ok(Me {
            participant,
            answers,
            inputs,
        })
    }
}

/// All live sessions.
pub struct Hub {
    sessions: RwLock<HashMap<String, Arc<Live>>>,
    store: Store,
    /// On a shared store: when each session was last read again because a request named
    /// something unknown here (at most once per [`RELOAD_EVERY`], so invented codes and
    /// tokens cannot make the server read the database over and over).
    reloads: Mutex<HashMap<String, std::time::Instant>>,
}

/// Shortest time between two readings of a session prompted by an unknown code or token.
pub const RELOAD_EVERY: Duration = Duration::from_secs(2);

pub(crate) fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system provides random numbers");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

impl Hub {
    /// A hub holding the sessions read back from the store.
    pub fn new(store: Store, loaded: Vec<Loaded>) -> Hub {
        let sessions = loaded
            .into_iter()
            .map(|l| (l.code.clone(), Live::loaded(l)))
            .collect();
        Hub {
            sessions: RwLock::new(sessions),
            store,
            reloads: Mutex::new(HashMap::new()),
        }
    }

    /// The session with this code; on a shared store, one created through another
    /// server and not heard of yet is read from the store.
    pub async fn find(&self, code: &str) -> Option<Arc<Live>> {
        if let Some(live) = self.get(code) {
            return Some(live);
        }
        if self.may_reload(code) {
            self.reload(code).await;
        }
        self.get(code)
    }

    /// The number of the participant with this token; on a shared store, one who joined
    /// through another server and is not heard of yet is read from the store.
    pub async fn participant(&self, live: &Live, token: &str) -> Option<u32> {
        if let Some(number) = live.participant(token) {
            return Some(number);
        }
        if self.may_reload(&live.code) {
            self.reload(&live.code).await;
        }
        live.participant(token)
    }

    /// Whether a reading prompted by something unknown may happen now (shared store,
    /// not read for this reason in the last [`RELOAD_EVERY`]).
    fn may_reload(&self, code: &str) -> bool {
        if !self.store.shared() {
            return false;
        }
        let now = std::time::Instant::now();
        let mut reloads = self.reloads.lock().unwrap_or_else(|p| p.into_inner());
        if reloads.len() > 10_000 {
            reloads.retain(|_, at| now.duration_since(*at) < RELOAD_EVERY);
        }
        match reloads.get(code) {
            Some(at) if now.duration_since(*at) < RELOAD_EVERY => false,
            _ => {
                reloads.insert(code.to_owned(), now);
                true
            }
        }
    }

    /// Reads a session again from the store: replaces what memory holds of it (followers
    /// keep following), adds it if new here, drops it if gone from the store.
    pub async fn reload(&self, code: &str) {
        if let Some(live) = self.get(code) {
            return self.refresh(live).await;
        }
        match self.store.load(code).await {
            Ok(Some(loaded)) => self.adopt(loaded),
            Ok(None) => {}
            Err(error) => eprintln!("briques : lecture de la session {code} impossible : {error:#}"),
        }
    }

    /// Reads a session held in memory again. Its changes made here but not committed yet
    /// must not be lost: the session's lock is held from before a barrier goes through the
    /// writer (everything queued before it is then committed, and nothing new can be
    /// queued for this session) until the read is in memory. Done on a blocking thread.
    async fn refresh(&self, live: Arc<Live>) {
        let store = self.store.clone();
        let code = live.code.clone();
        let read = tokio::task::spawn_blocking(move || -> anyhow::Result<bool> {
            let mut data = live.lock();
            store
                .submit(Op::Barrier)
                .blocking_committed()
                .map_err(anyhow::Error::msg)?;
            let Some(loaded) = store.backend().load(&live.code)? else {
                return Ok(false);
            };
            let revision = data.revision;
            *data = Data::loaded(loaded);
            data.revision = revision;
            live.touch(&mut data);
            Ok(true)
        })
        .await;
        match read {
            Ok(Ok(true)) => {}
            Ok(Ok(false)) => self.forget(&code),
            Ok(Err(error)) => eprintln!("briques : lecture de la session {code} impossible : {error:#}"),
            Err(error) => eprintln!("briques : lecture de la session {code} impossible : {error}"),
        }
    }

    /// Adds a session read from the store, unless memory holds it already (then memory
    /// is as new, or newer: see `refresh`).
    fn adopt(&self, loaded: Loaded) {
        let mut sessions = self.sessions.write().unwrap_or_else(|p| p.into_inner());
        if !sessions.contains_key(&loaded.code) {
            let code = loaded.code.clone();
            sessions.insert(code, Live::loaded(loaded));
        }
    }

    /// Drops a session from memory (deleted through another server).
    fn forget(&self, code: &str) {
        let removed = self
            .sessions
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(code);
        if let Some(live) = removed {
            let mut data = live.lock();
            data.deleted = true;
            live.touch(&mut data);
        }
    }

    /// Applies what another server committed to the shared store.
    pub async fn apply_remote(&self, remote: Remote) {
        match remote {
            Remote::Ops(ops) => {
                for op in ops {
                    match &op {
                        Op::DeleteSession { code } => self.forget(code),
                        Op::Purge { before } => {
                            for code in self.created_before(*before) {
                                self.forget(&code);
                            }
                        }
                        _ => {
                            let Some(code) = op.code() else { continue };
                            match self.get(code) {
                                Some(live) => {
                                    let mut data = live.lock();
                                    data.apply_remote(&op);
                                    live.touch(&mut data);
                                }
                                // A session not heard of (its creation was missed): read it.
                                None => self.reload(code).await,
                            }
                        }
                    }
                }
            }
            Remote::Reload(code) => self.reload(&code).await,
            Remote::Resync => match self.store.load_all().await {
                Ok(all) => {
                    // New here: added; held here: read again as `refresh` does (so that
                    // nothing made here meanwhile is lost), or dropped when gone.
                    let held: Vec<Arc<Live>> = {
                        let sessions = self.sessions.read().unwrap_or_else(|p| p.into_inner());
                        sessions.values().cloned().collect()
                    };
                    for loaded in all {
                        self.adopt(loaded);
                    }
                    for live in held {
                        self.refresh(live).await;
                    }
                }
                Err(error) => eprintln!("briques : relecture des sessions impossible : {error:#}"),
            },
        }
    }

    /// The session with this code.
    pub fn get(&self, code: &str) -> Option<Arc<Live>> {
        self.sessions
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(code)
            .cloned()
    }

    /// Creates a session, unless there are `max_sessions` already; returns its code and
    /// secret once it is on disk.
    pub async fn create(
        &self,
        survey: Survey,
        steps: Vec<Step>,
        mask_k: usize,
        max_sessions: usize,
    ) -> Result<(String, String), LiveError> {
        let secret = random_hex(16);
        let secret_hash = store::hashed(&secret);
        let state = LiveState::opening(&survey);
        let (code, pending) = {
            let mut sessions = self.sessions.write().unwrap_or_else(|p| p.into_inner());
            if sessions.len() >= max_sessions {
                return Err(LiveError::TooManySessions(max_sessions));
            }
            let code = loop {
                let mut bytes = [0u8; live::CODE_LENGTH];
                getrandom::fill(&mut bytes).expect("the operating system provides random numbers");
                let code = live::code_from_bytes(&bytes);
                if !sessions.contains_key(&code) {
                    break code;
                }
            };
            let created_at = store::now();
            let pending = self.store.submit(Op::CreateSession {
                code: code.clone(),
                secret_hash: secret_hash.clone(),
                survey: serde_json::to_string(&survey).unwrap_or_default(),
                steps: serde_json::to_string(&steps).unwrap_or_default(),
                state: store::state_json(&state),
                mask_k: mask_k as u32,
                created_at,
            });
            let data = Data {
                session: Session::new(survey),
                steps,
                inputs: Inputs::new(),
                state,
                tokens: HashMap::new(),
                next_number: 1,
                revision: 1,
                deleted: false,
            };
            sessions.insert(
                code.clone(),
                Live::new(code.clone(), secret_hash, mask_k, created_at, data),
            );
            (code, pending)
        };
        pending.committed().await.map_err(LiveError::Storage)?;
        Ok((code, secret))
    }

    /// A participant joins (or comes back with their token), unless the session has
    /// `max_participants` already. Returns their token and number.
    pub async fn join(
        &self,
        code: &str,
        token: Option<&str>,
        max_participants: usize,
    ) -> Result<(String, u32), LiveError> {
        let live = self.find(code).await.ok_or(LiveError::UnknownSession)?;
        // Coming back, perhaps through another server sharing the store.
        if let Some(token) = token {
            if let Some(number) = self.participant(&live, token).await {
                return Ok((token.to_owned(), number));
            }
        }
        let (token, token_hash, number, pending) = {
            let mut data = live.lock();
            if data.state.ended {
                return Err(Refusal::Ended.into());
            }
            if data.state.locked {
                return Err(Refusal::Locked.into());
            }
            if data.tokens.len() >= max_participants {
                return Err(LiveError::TooManyParticipants(max_participants));
            }
            let token = random_hex(16);
            let token_hash = store::hashed(&token);
            let number = data.next_number;
            data.next_number += 1;
            data.tokens.insert(token_hash.clone(), number);
            let pending = self.store.submit(Op::AddParticipant {
                code: code.to_owned(),
                token_hash: token_hash.clone(),
                number,
            });
            live.touch(&mut data);
            (token, token_hash, number, pending)
        };
        // A shared store gives the number (another server may have given this one).
        let given = pending.committed().await.map_err(LiveError::Storage)? as u32;
        if given != number {
            let mut data = live.lock();
            data.tokens.insert(token_hash, given);
            data.next_number = data.next_number.max(given + 1);
            live.touch(&mut data);
        }
        Ok((token, given))
    }

    /// Records (or clears) an answer; resolves once it is on disk, with the revision.
    pub async fn answer(
        &self,
        code: &str,
        token: &str,
        question: &str,
        choice: Option<&str>,
    ) -> Result<u64, LiveError> {
        let live = self.find(code).await.ok_or(LiveError::UnknownSession)?;
        let (revision, pending): (u64, Pending) = {
            let mut data = live.lock();
            let number = *data
                .tokens
                .get(&store::hashed(token))
                .ok_or(LiveError::UnknownParticipant)?;
            data.state.check_answer(&data.session.survey, question, choice)?;
            data.set_answer(number, question, choice);
            // Queued under the lock: the disk sees changes in the order memory does.
            let pending = self.store.submit(Op::SetAnswer {
                code: code.to_owned(),
                number,
                question: question.to_owned(),
                choice: choice.map(str::to_owned),
            });
            (live.touch(&mut data), pending)
        };
        pending.committed().await.map_err(LiveError::Storage)?;
        Ok(revision)
    }

    /// Records a participant's answer to a step other than Duplo; resolves once it is
    /// on disk, with the revision.
    pub async fn input(&self, code: &str, token: &str, step: usize, input: Input) -> Result<u64, LiveError> {
        let live = self.find(code).await.ok_or(LiveError::UnknownSession)?;
        let (revision, pending) = {
            let mut data = live.lock();
            let number = *data
                .tokens
                .get(&store::hashed(token))
                .ok_or(LiveError::UnknownParticipant)?;
            let input = data.state.check_input(&data.steps, step, input)?;
            // A débat mouvant keeps the other phase's answer.
            let previous = data.inputs.get(&step).and_then(|by| by.get(&number));
            let input = briques_core::live::steps::debate::merge(previous, input);
            let value = serde_json::to_string(&input).unwrap_or_default();
            data.inputs.entry(step).or_default().insert(number, input);
            let pending = self.store.submit(Op::SetInput {
                code: code.to_owned(),
                number,
                step: step as u32,
                value,
            });
            (live.touch(&mut data), pending)
        };
        pending.committed().await.map_err(LiveError::Storage)?;
        Ok(revision)
    }

    /// Applies a facilitator control.
    pub async fn control(&self, code: &str, control: &Control) -> Result<u64, LiveError> {
        let live = self.find(code).await.ok_or(LiveError::UnknownSession)?;
        let (revision, pending) = {
            let mut data = live.lock();
            let Data {
                state,
                session,
                steps,
                ..
            } = &mut *data;
            state.apply(control, &session.survey, steps.len())?;
            let pending = self.store.submit(Op::SaveState {
                code: code.to_owned(),
                state: store::state_json(&data.state),
            });
            (live.touch(&mut data), pending)
        };
        pending.committed().await.map_err(LiveError::Storage)?;
        Ok(revision)
    }

    /// Removes a participant: their answers go and their token stops working (the
    /// facilitator's "remove a response"). Returns whether there was anything to remove.
    pub async fn remove_response(&self, code: &str, number: u32) -> Result<bool, LiveError> {
        let live = self.find(code).await.ok_or(LiveError::UnknownSession)?;
        let (found, pending) = {
            let mut data = live.lock();
            let found = data.remove_participant(number);
            let pending = self.store.submit(Op::RemoveParticipant {
                code: code.to_owned(),
                number,
            });
            live.touch(&mut data);
            (found, pending)
        };
        pending.committed().await.map_err(LiveError::Storage)?;
        Ok(found)
    }

    /// Deletes a session and all its answers.
    pub async fn delete(&self, code: &str) -> Result<(), LiveError> {
        let live = self
            .sessions
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(code)
            .ok_or(LiveError::UnknownSession)?;
        {
            let mut data = live.lock();
            data.deleted = true;
            live.touch(&mut data);
        }
        self.store
            .submit(Op::DeleteSession {
                code: code.to_owned(),
            })
            .committed()
            .await
            .map_err(LiveError::Storage)?;
        Ok(())
    }

    /// Deletes sessions created more than `max_age` ago; returns how many.
    pub async fn purge(&self, max_age: Duration) -> Result<usize, LiveError> {
        self.purge_created_before(store::now() - max_age.as_secs() as i64)
            .await
    }

    /// The codes of the sessions created before `before` (seconds since 1970).
    fn created_before(&self, before: i64) -> Vec<String> {
        let sessions = self.sessions.read().unwrap_or_else(|p| p.into_inner());
        sessions
            .values()
            .filter(|l| l.created_at < before)
            .map(|l| l.code.clone())
            .collect()
    }

    /// Deletes sessions created before `before` (seconds since 1970).
    pub async fn purge_created_before(&self, before: i64) -> Result<usize, LiveError> {
        let old = self.created_before(before);
        for code in &old {
            self.delete(code).await?;
        }
        // Also anything on disk that was not loaded (none expected).
        self.store
            .submit(Op::Purge { before })
            .committed()
            .await
            .map_err(LiveError::Storage)?;
        Ok(old.len())
    }

    /// Deletes sessions nobody joined, created before `before` (seconds since 1970):
    /// they would hold a place under `--max-sessions` for the whole retention period.
    pub async fn purge_unjoined_before(&self, before: i64) -> Result<usize, LiveError> {
        let unjoined: Vec<String> = {
            let sessions = self.sessions.read().unwrap_or_else(|p| p.into_inner());
            sessions
                .values()
                .filter(|l| l.created_at < before && l.lock().tokens.is_empty())
                .map(|l| l.code.clone())
                .collect()
        };
        for code in &unjoined {
            self.delete(code).await?;
        }
        Ok(unjoined.len())
    }
}

#[cfg(test)]
mod tests {
    use briques_core::i18n::Lang;

    use super::*;

    #[tokio::test]
    async fn old_sessions_are_purged_with_their_answers() {
        let dir = tempfile::tempdir().unwrap();
        let (store, loaded, _) = store::open(None, dir.path()).unwrap();
        let hub = Hub::new(store, loaded);
        let (code, _) = hub
            .create(Survey::default_for(Lang::Fr, None), vec![Step::Duplo], 3, 10)
            .await
            .unwrap();
        let (token, _) = hub.join(&code, None, 10).await.unwrap();
        hub.answer(&code, &token, "genre", Some("femme")).await.unwrap();
        assert_eq!(
            hub.purge(Duration::from_secs(60)).await.unwrap(),
            0,
            "a fresh session stays"
        );
        let (unjoined, _) = hub
            .create(Survey::default_for(Lang::Fr, None), vec![Step::Duplo], 3, 10)
            .await
            .unwrap();
        assert_eq!(
            hub.purge_unjoined_before(store::now() + 1).await.unwrap(),
            1,
            "only the session nobody joined goes"
        );
        assert!(hub.get(&unjoined).is_none() && hub.get(&code).is_some());
        assert_eq!(hub.purge_created_before(store::now() + 1).await.unwrap(), 1);
        assert!(hub.get(&code).is_none());
        let (_, loaded, _) = store::open(None, dir.path()).unwrap();
        assert!(loaded.is_empty(), "nothing left on disk");
    }

    #[tokio::test]
    async fn the_projector_stream_sends_the_core_facilitator_view() {
        let dir = tempfile::tempdir().unwrap();
        let (store, loaded, _) = store::open(None, dir.path()).unwrap();
        let hub = Hub::new(store, loaded);
        let (code, _) = hub
            .create(Survey::default_for(Lang::Fr, None), vec![Step::Duplo], 3, 10)
            .await
            .unwrap();
        let (token, _) = hub.join(&code, None, 10).await.unwrap();
        hub.answer(&code, &token, "genre", Some("femme")).await.unwrap();
        let live = hub.get(&code).unwrap();
        let sent: FacilitatorView = serde_json::from_str(&live.facilitator_views().borrow()).unwrap();
        assert_eq!(sent, live.facilitator_view());
        assert_eq!((sent.joined, sent.session.responses.len()), (1, 1));
    }

    #[tokio::test]
    async fn a_session_nobody_follows_holds_no_view_and_a_follower_gets_the_current_one() {
        let dir = tempfile::tempdir().unwrap();
        let (store, loaded, _) = store::open(None, dir.path()).unwrap();
        let hub = Hub::new(store, loaded);
        let (code, _) = hub
            .create(Survey::default_for(Lang::Fr, None), vec![Step::Duplo], 3, 10)
            .await
            .unwrap();
        let (token, _) = hub.join(&code, None, 10).await.unwrap();
        hub.answer(&code, &token, "genre", Some("femme")).await.unwrap();
        let live = hub.get(&code).unwrap();
        assert!(live.public.borrow().is_empty() && live.facilitator.borrow().is_empty());
        let follower = live.facilitator_views();
        let view: FacilitatorView = serde_json::from_str(&follower.borrow()).unwrap();
        assert_eq!(view.session.responses.len(), 1, "built for the follower at once");
        let phone = live.public_views();
        assert!(phone.borrow().contains(&code));
        drop((follower, phone));
        // The next change, with nobody following, drops the views.
        hub.answer(&code, &token, "genre", Some("homme")).await.unwrap();
        live.publish_facilitator();
        live.publish_public();
        assert!(live.public.borrow().is_empty() && live.facilitator.borrow().is_empty());
    }

    #[tokio::test]
    async fn the_session_cap_and_the_participant_cap_hold() {
        let dir = tempfile::tempdir().unwrap();
        let (store, loaded, _) = store::open(None, dir.path()).unwrap();
        let hub = Hub::new(store, loaded);
        let survey = Survey::default_for(Lang::Fr, None);
        let (code, _) = hub.create(survey.clone(), vec![Step::Duplo], 3, 1).await.unwrap();
        assert_eq!(
            hub.create(survey, vec![Step::Duplo], 3, 1).await,
            Err(LiveError::TooManySessions(1))
        );
        hub.join(&code, None, 1).await.unwrap();
        assert_eq!(
            hub.join(&code, None, 1).await,
            Err(LiveError::TooManyParticipants(1))
        );
    }

    #[tokio::test]
    async fn answers_are_read_back_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let (store, loaded, _) = store::open(None, dir.path()).unwrap();
        let hub = Hub::new(store, loaded);
        let (code, _) = hub
            .create(Survey::default_for(Lang::Fr, None), vec![Step::Duplo], 3, 10)
            .await
            .unwrap();
        let (token, number) = hub.join(&code, None, 10).await.unwrap();
        hub.answer(&code, &token, "genre", Some("femme")).await.unwrap();
        hub.answer(&code, &token, "genre", Some("homme")).await.unwrap();
        hub.answer(&code, &token, "commune", Some("oui")).await.unwrap();
        hub.answer(&code, &token, "commune", None).await.unwrap();
        let (store, loaded, _) = store::open(None, dir.path()).unwrap();
        let again = Hub::new(store, loaded);
        let me = again.get(&code).unwrap().me(&token).unwrap();
        assert_eq!(me.participant, number);
        assert_eq!(
            me.answers,
            BTreeMap::from([("genre".to_owned(), "homme".to_owned())])
        );
    }
}
