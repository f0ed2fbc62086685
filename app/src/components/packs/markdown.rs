//! Guide-sheet Markdown as DOM nodes. The tree comes from `briques_core::pack::markdown`
//! (no raw HTML, checked link targets); every piece of text goes through `html!`, which
//! escapes it, so an imported sheet cannot inject markup or script.

use briques_core::pack::markdown::{Block, Inline, Item};
use yew::prelude::*;

/// Renders blocks; headings are shifted by `shift` levels so a sheet's `#` sits below
/// the page's own headings (h1 page, h2 sheet title, h3 for `##` with a shift of 1).
pub fn blocks(blocks: &[Block], shift: u8) -> Html {
    html! { <>{ for blocks.iter().map(|b| block(b, shift)) }</> }
}

fn block(block: &Block, shift: u8) -> Html {
    match block {
        Block::Heading { level, text } => {
            let content = inlines(text);
            match (level + shift).min(6) {
                0..=2 => html! { <h2>{ content }</h2> },
                3 => html! { <h3>{ content }</h3> },
                4 => html! { <h4>{ content }</h4> },
                5 => html! { <h5>{ content }</h5> },
                _ => html! { <h6>{ content }</h6> },
            }
        }
        Block::Paragraph(text) => html! { <p>{ inlines(text) }</p> },
        Block::Quote(text) => html! { <blockquote><p>{ inlines(text) }</p></blockquote> },
        Block::Rule => html! { <hr /> },
        Block::List { ordered: true, items } => html! { <ol>{ for items.iter().map(item) }</ol> },
        Block::List {
            ordered: false,
            items,
        } => html! { <ul>{ for items.iter().map(item) }</ul> },
        Block::Table { header, rows } => html! {
            <div class="table-wrap">
                <table>
                    <thead><tr>{ for header.iter().map(|c| html! { <th scope="col">{ inlines(c) }</th> }) }</tr></thead>
                    <tbody>
                        { for rows.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|c| html! { <td>{ inlines(c) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    }
}

fn item(item: &Item) -> Html {
    let mark = match item.task {
        Some(true) => "☑ ",
        Some(false) => "☐ ",
        None => "",
    };
    let children = match (item.children.is_empty(), item.children_ordered) {
        (true, _) => html! {},
        (false, true) => html! { <ol>{ for item.children.iter().map(self::item) }</ol> },
        (false, false) => html! { <ul>{ for item.children.iter().map(self::item) }</ul> },
    };
    html! { <li>{ mark }{ inlines(&item.text) }{ children }</li> }
}

fn inlines(inlines: &[Inline]) -> Html {
    html! {
        <>{ for inlines.iter().map(|inline| match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Em(inner) => html! { <em>{ self::inlines(inner) }</em> },
            Inline::Strong(inner) => html! { <strong>{ self::inlines(inner) }</strong> },
            Inline::Code(text) => html! { <code>{ text.clone() }</code> },
            // Targets were checked by the core (http, https, mailto, same-site paths).
            Inline::Link { href, text } => html! { <a href={href.clone()}>{ self::inlines(text) }</a> },
        }) }</>
    }
}
