//! The commune directory (`/communes/communes.tsv`, written by `scripts/make-communes`):
//! fetched the first time someone searches (not with the app: a participant's phone
//! never downloads it), then kept by the service worker for offline use, and read once
//! per page into memory.

use std::cell::RefCell;
use std::rc::Rc;

use briques_core::communes::{Directory, ASSET};
use briques_core::i18n::{tr, Lang};

use crate::services::tasks::fetch_answer;

thread_local! {
    static DIRECTORY: RefCell<Option<Rc<Directory>>> = const { RefCell::new(None) };
}

/// The directory, fetched and read the first time; the error is a sentence for the user.
pub async fn directory(lang: Lang) -> Result<Rc<Directory>, String> {
    if let Some(directory) = DIRECTORY.with(|d| d.borrow().clone()) {
        return Ok(directory);
    }
    let text = match fetch_answer(ASSET, 60_000).await {
        Ok((200, bytes)) => String::from_utf8(bytes).map_err(|_| tr(lang, "communes-error-not-directory"))?,
        _ => return Err(tr(lang, "communes-unavailable")),
    };
    let directory = Rc::new(Directory::parse(&text).map_err(|e| e.message(lang))?);
    DIRECTORY.with(|d| *d.borrow_mut() = Some(directory.clone()));
    Ok(directory)
}
