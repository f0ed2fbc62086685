//! Files the user takes away: text downloads (JSON, CSV, SVG) and SVG charts rendered
//! to PNG through a canvas. Everything happens on the device.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

fn blob(content: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options)
}

fn click_download(url: &str, filename: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&anchor)?;
    anchor.click();
    body.remove_child(&anchor)?;
    Ok(())
}

/// Offers `content` as a file named `filename`.
pub fn text(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let blob = blob(content, mime)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let result = click_download(&url, filename);
    // Let the browser start reading the blob before the URL goes.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    result
}

/// A chart ready to save: standalone SVG markup and its size (from its `viewBox`).
pub struct SvgChart {
    /// The markup, with an XML declaration and namespace.
    pub markup: String,
    /// Width in SVG units.
    pub width: f64,
    /// Height in SVG units.
    pub height: f64,
}

/// The first `<svg>` inside the element with this id, standalone.
pub fn svg_chart(container_id: &str) -> Option<SvgChart> {
    let container = gloo::utils::document().get_element_by_id(container_id)?;
    let svg = container.query_selector("svg").ok()??;
    let view_box = svg.get_attribute("viewBox")?;
    let numbers: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [_, _, width, height] = numbers[..] else {
        return None;
    };
    let mut markup = svg.outer_html();
    if !markup.contains("xmlns=") {
        markup = markup.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    Some(SvgChart {
        markup: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}"),
        width,
        height,
    })
}

/// Renders SVG markup to a PNG at `scale` times its size and offers it as a file.
pub fn svg_to_png(
    markup: String,
    width: f64,
    height: f64,
    scale: f64,
    filename: String,
) -> Result<(), JsValue> {
    let svg_blob = blob(&markup, "image/svg+xml")?;
    let url = Url::create_object_url_with_blob(&svg_blob)?;
    let image = HtmlImageElement::new()?;
    let canvas: HtmlCanvasElement = gloo::utils::document().create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let onload = {
        let image = image.clone();
        let url = url.clone();
        Closure::once(move || {
            let drawn = (|| -> Result<(), JsValue> {
                let context = canvas
                    .get_context("2d")?
                    .ok_or_else(|| JsValue::from_str("no 2d context"))?
                    .dyn_into::<web_sys::CanvasRenderingContext2d>()?;
                context.set_fill_style_str("#ffffff");
                context.fill_rect(0.0, 0.0, width * scale, height * scale);
                context.scale(scale, scale)?;
                context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)?;
                let png = canvas.to_data_url_with_type("image/png")?;
                click_download(&png, &filename)
            })();
            let _ = Url::revoke_object_url(&url);
            if let Err(error) = drawn {
                web_sys::console::warn_2(&JsValue::from_str("PNG export failed"), &error);
            }
        })
    };
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    // The image owns the callback until it fires once.
    onload.forget();
    image.set_src(&url);
    Ok(())
}
