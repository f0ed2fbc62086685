//! Editing a pack in the app: its metadata and its sheets. Saving checks the pack with
//! the same rules as `briques pack check` and lists every problem; a valid pack is kept
//! on this device (it then shadows the bundled pack of the same slug).

use briques_core::pack::sheet::{Sheet, SheetKind};
use briques_core::pack::{Level, Pack, AUDIENCES, LICENCES};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::packs::lines;

/// Props of [`PackEditor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The pack as it is now.
    pub pack: Pack,
    /// A valid edited pack.
    pub on_save: Callback<Pack>,
    /// Leaves without saving.
    pub on_cancel: Callback<()>,
}

fn value_of(e: &Event) -> String {
    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
        return input.value();
    }
    if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
        return area.value();
    }
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The editor.
#[function_component]
pub fn PackEditor(props: &EditorProps) -> Html {
    let settings = use_settings();
    let draft = use_state(|| props.pack.clone());
    let problems = use_state(Vec::<String>::new);

    // One callback per field: read the control's value and apply it to the draft.
    let edit = |apply: fn(&mut Pack, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut pack = (*draft).clone();
            apply(&mut pack, value_of(&e));
            draft.set(pack);
        })
    };
    let edit_sheet = |index: usize, apply: fn(&mut Sheet, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut pack = (*draft).clone();
            if let Some(sheet) = pack.sheets.get_mut(index) {
                apply(sheet, value_of(&e));
            }
            draft.set(pack);
        })
    };

    let toggle_audience = |code: &'static str| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut pack = (*draft).clone();
            if let Some(at) = pack.audience.iter().position(|a| a == code) {
                pack.audience.remove(at);
            } else {
                pack.audience.push(code.to_owned());
            }
            draft.set(pack);
        })
    };
    let add_sheet = {
        let draft = draft.clone();
        let title = settings.t("ateliers-new-sheet");
        Callback::from(move |_: MouseEvent| {
            let mut pack = (*draft).clone();
            let n = pack.sheets.len() + 1;
            pack.sheets.push(Sheet {
                file: format!("fiches/{n:02}-exemple.md"),
                kind: SheetKind::Exemple,
                title: title.clone(),
                duration: None,
                body: String::new(),
            });
            draft.set(pack);
        })
    };
    let remove_sheet = |index: usize| {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut pack = (*draft).clone();
            if index < pack.sheets.len() {
                pack.sheets.remove(index);
            }
            draft.set(pack);
        })
    };
    let save = {
        let draft = draft.clone();
        let problems = problems.clone();
        let on_save = props.on_save.clone();
        let lang = settings.lang();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found: Vec<String> = draft
                .validate(&Default::default())
                .iter()
                .map(|p| p.message(lang))
                .collect();
            if found.is_empty() {
                on_save.emit((*draft).clone());
            }
            problems.set(found);
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    let pack = &*draft;
    html! {
        <form class="pack-editor" onsubmit={save} novalidate=true>
            <h1>{ settings.t_args("ateliers-edit-title", &[("title", pack.title.as_str().into())]) }</h1>
            <p>{ settings.t("ateliers-edit-intro") }</p>
            if !problems.is_empty() {
                <div class="problems" role="alert">
                    <h2>{ settings.t_args("ateliers-problems", &[("count", problems.len().into())]) }</h2>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            <fieldset>
                <legend>{ settings.t("ateliers-about") }</legend>
                <label>{ settings.t("ateliers-field-title") }
                    <input type="text" value={pack.title.clone()} onchange={edit(|p, v| p.title = v)} /></label>
                <label>{ settings.t("ateliers-field-summary") }
                    <textarea rows="3" value={pack.summary.clone()} onchange={edit(|p, v| p.summary = v)} /></label>
                <div class="form-row">
                    <label>{ settings.t("ateliers-field-duration") }
                        <input type="number" min="5" max="600" value={pack.duration.to_string()}
                            onchange={edit(|p, v| p.duration = v.trim().parse().unwrap_or(0))} /></label>
                    <label>{ settings.t("ateliers-field-group-min") }
                        <input type="number" min="1" value={pack.group_min.to_string()}
                            onchange={edit(|p, v| p.group_min = v.trim().parse().unwrap_or(0))} /></label>
                    <label>{ settings.t("ateliers-field-group-max") }
                        <input type="number" min="1" value={pack.group_max.to_string()}
                            onchange={edit(|p, v| p.group_max = v.trim().parse().unwrap_or(0))} /></label>
                    <label>{ settings.t("ateliers-field-facilitators") }
                        <input type="number" min="1" value={pack.facilitators.to_string()}
                            onchange={edit(|p, v| p.facilitators = v.trim().parse().unwrap_or(0))} /></label>
                    <label>{ settings.t("ateliers-field-preparation") }
                        <input type="number" min="0" value={pack.preparation.to_string()}
                            onchange={edit(|p, v| p.preparation = v.trim().parse().unwrap_or(0))} /></label>
                </div>
                <div class="form-row">
                    <label>{ settings.t("ateliers-level") }
                        <select onchange={edit(|p, v| if let Some(level) = Level::from_code(&v) { p.level = level })}>
                            { for Level::ALL.iter().map(|l| html! {
                                <option value={l.code()} selected={pack.level == *l}>{ settings.t(&format!("pack-level-{}", l.code())) }</option>
                            }) }
                        </select></label>
                    <label>{ settings.t("ateliers-licence") }
                        <select onchange={edit(|p, v| p.licence = v)}>
                            { for LICENCES.iter().map(|(id, _)| html! {
                                <option value={*id} selected={pack.licence == *id}>{ *id }</option>
                            }) }
                        </select></label>
                    <label>{ settings.t("ateliers-version") }
                        <input type="text" value={pack.version.clone()} onchange={edit(|p, v| p.version = v)} /></label>
                </div>
                <fieldset class="checks">
                    <legend>{ settings.t("ateliers-audience") }</legend>
                    { for AUDIENCES.iter().map(|a| html! {
                        <label class="check">
                            <input type="checkbox" checked={pack.audience.iter().any(|x| x == a)} onchange={toggle_audience(a)} />
                            { settings.t(&format!("pack-audience-{a}")) }
                        </label>
                    }) }
                </fieldset>
                <label>{ settings.t("ateliers-field-authors") }
                    <textarea rows="2" value={pack.authors.join("\n")} onchange={edit(|p, v| p.authors = lines(&v))} /></label>
                <label>{ settings.t("ateliers-field-objectives") }
                    <textarea rows="4" value={pack.objectives.join("\n")} onchange={edit(|p, v| p.objectives = lines(&v))} /></label>
                <label>{ settings.t("ateliers-field-materials") }
                    <textarea rows="4" value={pack.materials.join("\n")} onchange={edit(|p, v| p.materials = lines(&v))} /></label>
            </fieldset>
            { for pack.sheets.iter().enumerate().map(|(n, sheet)| html! {
                <fieldset class="sheet-edit">
                    <legend>{ settings.t_args("ateliers-sheet-n", &[("n", (n + 1).into())]) }</legend>
                    <div class="form-row">
                        <label>{ settings.t("ateliers-field-kind") }
                            <select onchange={edit_sheet(n, |s, v| if let Some(k) = SheetKind::from_code(&v) { s.kind = k })}>
                                { for SheetKind::ALL.iter().map(|k| html! {
                                    <option value={k.code()} selected={sheet.kind == *k}>{ settings.t(k.label_key()) }</option>
                                }) }
                            </select></label>
                        <label>{ settings.t("ateliers-field-title") }
                            <input type="text" value={sheet.title.clone()} onchange={edit_sheet(n, |s, v| s.title = v)} /></label>
                        if sheet.kind == SheetKind::Methode {
                            <label>{ settings.t("ateliers-field-duration") }
                                <input type="number" min="5" value={sheet.duration.map(|d| d.to_string()).unwrap_or_default()}
                                    onchange={edit_sheet(n, |s, v| s.duration = v.trim().parse().ok())} /></label>
                        }
                    </div>
                    <label>{ settings.t("ateliers-field-body") }
                        <textarea class="sheet-body" rows="14" value={sheet.body.clone()} onchange={edit_sheet(n, |s, v| s.body = v)} /></label>
                    <button type="button" onclick={remove_sheet(n)}>{ settings.t("ateliers-remove-sheet") }</button>
                </fieldset>
            }) }
            <div class="pack-actions">
                <button type="button" onclick={add_sheet}>{ settings.t("ateliers-add-sheet") }</button>
                <button type="submit" class="primary">{ settings.t("ateliers-save") }</button>
                <button type="button" onclick={cancel}>{ settings.t("ateliers-cancel") }</button>
            </div>
        </form>
    }
}
