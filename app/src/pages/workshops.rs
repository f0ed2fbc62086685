//! `/ateliers`: the workshop pack library, and a pack's page with `?pack=<slug>`.
//! Bundled packs come from `/packs/` (precached, so offline too); packs imported or
//! edited here live in local storage and are saved as soon as they change.

use std::rc::Rc;

use briques_core::pack::{bundle, Pack};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::packs::detail::PackDetail;
use crate::components::packs::editor::PackEditor;
use crate::components::packs::import::ImportPanel;
use crate::components::packs::library::Library;
use crate::components::packs::PackQuery;
use crate::hooks::use_settings;
use crate::route::Route;
use crate::services::pack_store;
use crate::state::packs::{merge, Entry};

/// The Ateliers page.
#[function_component]
pub fn WorkshopsPage() -> Html {
    let settings = use_settings();
    let location = use_location();
    let navigator = use_navigator();
    // Shared (`Rc`) so that the merged library below is rebuilt only when one changes.
    let bundled = use_state(|| None::<Result<Rc<Vec<Pack>>, String>>);
    let local = use_state(|| Rc::new(pack_store::load_local()));
    let editing = use_state(|| false);
    let notice = use_state(String::new);

    {
        let bundled = bundled.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                bundled.set(Some(pack_store::fetch_bundled().await.map(Rc::new)));
            });
        });
    }

    let selected = location
        .as_ref()
        .and_then(|l| l.query::<PackQuery>().ok())
        .and_then(|q| q.pack);
    // Leaving a pack (or opening another) leaves the editor.
    {
        let editing = editing.clone();
        use_effect_with(selected.clone(), move |_| editing.set(false));
    }

    let bundled_packs: Rc<Vec<Pack>> = match &*bundled {
        Some(Ok(packs)) => packs.clone(),
        _ => Rc::default(),
    };
    let entries: Rc<Vec<Entry>> = use_memo((bundled_packs.clone(), (*local).clone()), |(bundled, local)| {
        merge(bundled, local)
    });

    // Keeps a pack on this device (imported, edited, or chosen over a conflict).
    let keep = {
        let local = local.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        Callback::from(move |pack: Pack| {
            let mut packs = (**local).clone();
            bundle::upsert(&mut packs, pack);
            // Kept on screen either way; the notice says when it is not saved.
            if let Err(error) = pack_store::save_local(&packs) {
                notice.set(settings.t(error.message_key()));
            }
            local.set(Rc::new(packs));
        })
    };
    let remove = {
        let local = local.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        Callback::from(move |slug: String| {
            let packs: Vec<Pack> = local.iter().filter(|p| p.slug != slug).cloned().collect();
            if let Err(error) = pack_store::save_local(&packs) {
                notice.set(settings.t(error.message_key()));
            }
            local.set(Rc::new(packs));
        })
    };

    if let Some(slug) = selected {
        let Some(entry) = entries.iter().find(|e| e.pack.slug == slug).cloned() else {
            return match &*bundled {
                None => html! { <p role="status">{ settings.t("ateliers-loading") }</p> },
                Some(_) => html! {
                    <>
                        <h1>{ settings.t("workshops-title") }</h1>
                        <p>{ settings.t_args("ateliers-unknown-pack", &[("slug", slug.as_str().into())]) }</p>
                        <p><Link<Route> to={Route::Workshops}>{ settings.t("ateliers-back") }</Link<Route>></p>
                    </>
                },
            };
        };
        if *editing {
            let on_save = {
                let keep = keep.clone();
                let editing = editing.clone();
                Callback::from(move |pack: Pack| {
                    keep.emit(pack);
                    editing.set(false);
                })
            };
            let on_cancel = {
                let editing = editing.clone();
                Callback::from(move |_| editing.set(false))
            };
            return html! { <PackEditor pack={(*entry.pack).clone()} {on_save} {on_cancel} /> };
        }
        let on_edit = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(true))
        };
        let on_remove = {
            let remove = remove.clone();
            let navigator = navigator.clone();
            let bundled_packs = bundled_packs.clone();
            Callback::from(move |slug: String| {
                let was_bundled = bundled_packs.iter().any(|p| p.slug == slug);
                remove.emit(slug);
                if !was_bundled {
                    if let Some(navigator) = &navigator {
                        navigator.push(&Route::Workshops);
                    }
                }
            })
        };
        return html! { <PackDetail {entry} {on_edit} {on_remove} /> };
    }

    html! {
        <div class="workshops">
            <h1>{ settings.t("workshops-title") }</h1>
            <p class="lead">{ settings.t("ateliers-intro") }</p>
            <p class="notice" role="status">{ (*notice).clone() }</p>
            { match &*bundled {
                None => html! { <p>{ settings.t("ateliers-loading") }</p> },
                Some(Err(error)) => html! {
                    <p class="problems">{ settings.t_args("ateliers-load-failed", &[("error", error.as_str().into())]) }</p>
                },
                Some(Ok(_)) => html! {},
            } }
            <Library entries={entries.clone()} />
            <ImportPanel library={entries} on_import={keep} />
        </div>
    }
}
