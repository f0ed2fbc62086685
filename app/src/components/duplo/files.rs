//! Files in and out: the whole session as JSON, the responses as CSV (`;` for French
//! spreadsheets, or `,`), importing either back, and starting a new session. A file
//! that cannot be read leaves the session untouched and says what is wrong.

use std::rc::Rc;

use briques_core::csv::{decode, TextFile};
use briques_core::survey::{io, Session};
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::dialog::confirm;
use crate::services::{download, file_input};
use crate::state::duplo::{DuploAction, Notice};

/// Props of [`FilesPanel`].
#[derive(Properties, PartialEq)]
pub struct FilesProps {
    /// The session.
    pub session: Rc<Session>,
    /// Where actions go.
    pub on_action: Callback<DuploAction>,
}

/// The file panel.
#[function_component]
pub fn FilesPanel(props: &FilesProps) -> Html {
    let settings = use_settings();
    let latest = use_mut_ref(|| 0u32);
    let export_json = {
        let session = props.session.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download::text("session-duplo.json", "application/json", &io::to_json(&session));
        })
    };
    let export_csv = |separator: char| {
        let session = props.session.clone();
        let lang = settings.lang();
        Callback::from(move |_: MouseEvent| {
            let name = if separator == ';' {
                "reponses-duplo.csv"
            } else {
                "reponses-duplo-virgules.csv"
            };
            let _ = download::text(
                name,
                "text/csv;charset=utf-8",
                &io::to_csv(&session, separator, lang),
            );
        })
    };
    let on_file = {
        let on_action = props.on_action.clone();
        let session = props.session.clone();
        let settings = settings.clone();
        Callback::from(move |event: Event| {
            let Some(file) = file_input::take_chosen(&event) else {
                return;
            };
            let on_action = on_action.clone();
            let session = session.clone();
            let settings = settings.clone();
            file_input::read_latest(&latest, &file, move |result| {
                let lang = settings.lang();
                let bytes = match result {
                    Ok(bytes) => bytes,
                    Err(error) => {
                        on_action.emit(DuploAction::Fail(error));
                        return;
                    }
                };
                let text = match decode(&bytes) {
                    TextFile::Text { text, .. } => text,
                    TextFile::Spreadsheet => {
                        return on_action.emit(DuploAction::Fail(settings.t("cli-spreadsheet-file")))
                    }
                    TextFile::Binary => {
                        return on_action.emit(DuploAction::Fail(settings.t("cli-binary-file")))
                    }
                    TextFile::OtherEncoding { script } => {
                        return on_action.emit(DuploAction::Fail(script.message(settings.lang())))
                    }
                };
                let replaces = !session.responses.is_empty();
                if text.trim_start().starts_with('{') {
                    match io::from_json(&text) {
                        Ok(imported) => {
                            if !replaces || confirm(&settings.t("duplo-confirm-replace")) {
                                let count = imported.responses.len();
                                on_action.emit(DuploAction::ReplaceSession {
                                    session: imported,
                                    notice: Notice::Imported(count),
                                });
                            }
                        }
                        Err(error) => on_action.emit(DuploAction::Fail(error.message(lang))),
                    }
                } else {
                    match io::responses_from_csv(&session.survey, &text) {
                        Ok(responses) => {
                            if !replaces || confirm(&settings.t("duplo-confirm-replace")) {
                                on_action.emit(DuploAction::ReplaceResponses(responses));
                            }
                        }
                        Err(error) => on_action.emit(DuploAction::Fail(error.message(lang))),
                    }
                }
            });
        })
    };
    let new_session = {
        let on_action = props.on_action.clone();
        let session = props.session.clone();
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            if session.responses.is_empty() || confirm(&settings.t("duplo-confirm-new")) {
                on_action.emit(DuploAction::ReplaceSession {
                    session: Session::new(session.survey.clone()),
                    notice: Notice::NewSession,
                });
            }
        })
    };
    html! {
        <div class="files">
            <div class="button-row">
                <button type="button" onclick={export_json}>{ settings.t("duplo-export-json") }</button>
                <button type="button" onclick={export_csv(';')}>{ settings.t("duplo-export-csv-semicolon") }</button>
                <button type="button" onclick={export_csv(',')}>{ settings.t("duplo-export-csv-comma") }</button>
            </div>
            <p>
                <label for="duplo-import">{ settings.t("duplo-import") }</label>
                <input id="duplo-import" type="file" accept=".json,.csv,application/json,text/csv" onchange={on_file} />
            </p>
            <p class="hint">{ settings.t("duplo-import-hint") }</p>
            <p><button type="button" class="danger" onclick={new_session}>{ settings.t("duplo-new-session") }</button></p>
        </div>
    }
}
